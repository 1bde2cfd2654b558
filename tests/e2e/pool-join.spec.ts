/**
 * One-step joining (issue 11): join on /pool, open the mailed link, set a password on the
 * confirmation page and land on /account/pool signed in, once with JavaScript and once without.
 * The used link makes no second account; an address with an account is never given a password.
 */
import { expect, test, type Page } from './fixtures';
import { firstLink, signIn, waitForMail } from './helpers';

const PASSWORD = 'oma-pitka-salasana-1';

/** Fills in and sends the join form as a visitor who is not signed in. */
async function join(page: Page, email: string, name: string, js: boolean) {
	await page.goto('/pool');
	// The birth year starts empty, not as a prefilled 0.
	await expect(page.getByLabel('Syntymävuosi')).toHaveValue('');
	// Hydration sets a bound select from its state: choose only once the page runs.
	if (js) await page.waitForLoadState('networkidle');
	await page.getByLabel('Nimi', { exact: true }).fill(name);
	await page.getByLabel('Sähköposti').fill(email);
	await page.getByLabel('Kotikunta').selectOption({ label: 'Nokia' });
	await page.getByLabel('Syntymävuosi').fill('1979');
	await page.getByLabel(/Annan luvan/).check();
	await page.getByRole('button', { name: 'Liity pooliin' }).click();
	await expect(page.getByRole('heading', { name: 'Katso sähköpostisi' })).toBeVisible();
}

const OWN = 'tilin-oma-salasana-3';

/** An account of its own for the address, signed up and confirmed the ordinary way. */
async function signUpConfirmed(page: Page, email: string, password: string) {
	const since = Date.now();
	await page.goto('/auth/sign-up');
	await page.getByLabel('Nimi').fill('Tilin Omistaja');
	await page.getByLabel('Sähköposti').fill(email);
	await page.getByLabel('Salasana', { exact: true }).fill(password);
	await page.getByLabel('Salasana uudelleen').fill(password);
	await page.getByRole('button', { name: 'Luo tunnus' }).click();
	await expect(page.getByRole('heading', { name: 'Tarkista sähköpostisi' })).toBeVisible();
	await page.goto(firstLink((await waitForMail(email, 'Vahvista', { since })).text));
	await page.getByRole('button', { name: 'Vahvista osoite' }).click();
	await expect(page.getByText('Sähköpostiosoite on vahvistettu.')).toBeVisible();
}

/** The confirmation page's own form post, as a crafted request (not through the page). */
async function postConfirm(page: Page, link: string, password: string) {
	return page.request.post(link, {
		// As a browser's plain form post (without `accept: text/html` SvelteKit answers JSON).
		headers: { origin: new URL(link).origin, accept: 'text/html' },
		form: { password, passwordConfirm: password }
	});
}

for (const js of [true, false]) {
	test.describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled: js });
		const tag = `${js ? 'js' : 'nojs'}-${Date.now().toString(36)}`;

		test('join, open the mailed link, set a password, land on my pool page signed in', async ({
			page,
			browser
		}) => {
			const email = `liittyja-${tag}@example.com`;
			const since = Date.now();
			await join(page, email, 'Liisa Liittyjä', js);
			const link = firstLink((await waitForMail(email, 'Vahvista liittyminen', { since })).text);

			await page.goto(link);
			const offer = page.getByRole('group', {
				name: 'Aseta salasana, niin voit katsoa ja muuttaa tietojasi myöhemmin'
			});
			await expect(offer).toBeVisible();
			const password = page.getByLabel(/^\s*Salasana\s*\(valinnainen\)/);
			const again = page.getByLabel(/^\s*Salasana uudelleen/);

			// A short password, then a mistyped one: refused with 400, in Finnish, nothing used up.
			await password.fill('lyhyt');
			await again.fill('lyhyt');
			const short = page.waitForResponse((r) => r.request().method() === 'POST');
			await page.getByRole('button', { name: 'Vahvista' }).click();
			if (!js) expect((await short).status()).toBe(400);
			await expect(page.getByText('Salasanassa pitää olla vähintään 10 merkkiä.')).toBeVisible();
			await password.fill(PASSWORD);
			await again.fill(`${PASSWORD}x`);
			const mismatch = page.waitForResponse((r) => r.request().method() === 'POST');
			await page.getByRole('button', { name: 'Vahvista' }).click();
			if (!js) expect((await mismatch).status()).toBe(400);
			await expect(page.getByText('Salasanat eivät täsmää.')).toBeVisible();

			await password.fill(PASSWORD);
			await again.fill(PASSWORD);
			await page.getByRole('button', { name: 'Vahvista' }).click();
			await expect(page).toHaveURL(/\/account\/pool\?joined=1$/);
			await expect(page.getByText('Kiitos! Olet nyt mukana asukaspoolissa.')).toBeVisible();
			await expect(page.getByText('Tila: Mukana')).toBeVisible();
			await expect(page.getByText(`Sähköposti: ${email}`)).toBeVisible();
			await expect(page.getByLabel('Nimi', { exact: true })).toHaveValue('Liisa Liittyjä');
			await expect(page.getByLabel('Syntymävuosi')).toHaveValue('1979');
			// Signed in for real: the details can be changed.
			await page.getByLabel('Mistä aiheista haluat puhua?').fill('kotihoito');
			await page.getByRole('button', { name: 'Tallenna' }).click();
			await expect(page.getByText('Tiedot tallennettu.')).toBeVisible();

			// The link is used up: it offers nothing, and a crafted second use makes no account.
			await page.goto(link);
			await expect(page.getByText('Linkki ei toimi.')).toBeVisible();
			await expect(offer).toHaveCount(0);
			const other = await (await browser.newContext()).newPage();
			expect((await postConfirm(other, link, 'toinen-salasana-2')).status()).toBe(400);
			await other.goto('/auth/sign-in');
			await other.getByLabel('Sähköposti').fill(email);
			await other.getByLabel('Salasana', { exact: true }).fill('toinen-salasana-2');
			await other.getByRole('button', { name: 'Kirjaudu' }).click();
			await expect(other.getByText('Sähköposti tai salasana on väärin.')).toBeVisible();
			await signIn(other, email, PASSWORD);
			await other.goto('/account/pool');
			await expect(other.getByText('Tila: Mukana')).toBeVisible();
			await other.context().close();
		});

		test('an address with an account is linked and asked to sign in', async ({ page }) => {
			const email = `tilillinen-${tag}@example.com`;
			await signUpConfirmed(page, email, OWN);
			// Someone (not signed in) joins with that address; the link offers no password.
			const since = Date.now();
			await join(page, email, 'Tilin Omistaja', js);
			await page.goto(
				firstLink((await waitForMail(email, 'Vahvista liittyminen', { since })).text)
			);
			await expect(page.getByRole('button', { name: 'Vahvista' })).toBeVisible();
			await expect(page.getByLabel(/Salasana/)).toHaveCount(0);
			await page.getByRole('button', { name: 'Vahvista' }).click();
			await expect(page.getByText('Kiitos! Olet nyt mukana asukaspoolissa.')).toBeVisible();
			await expect(
				page.getByText('Tällä sähköpostiosoitteella on jo tunnus. Kirjaudu sisään')
			).toBeVisible();
			// The sign-in link leads to the details, with the account's own password.
			await page.getByRole('link', { name: 'Kirjaudu sisään' }).click();
			await expect(page).toHaveURL(/\/auth\/sign-in\?next=/);
			await page.getByLabel('Sähköposti').fill(email);
			await page.getByLabel('Salasana', { exact: true }).fill(OWN);
			await page.getByRole('button', { name: 'Kirjaudu' }).click();
			await expect(page).toHaveURL(/\/account\/pool$/);
			await expect(page.getByText('Tila: Mukana')).toBeVisible();
			await expect(page.getByLabel('Nimi', { exact: true })).toHaveValue('Tilin Omistaja');
		});
	});
}

test("a crafted password for an address with an account is not used: the account stays its owner's", async ({
	page,
	browser
}) => {
	const email = `kaappaus-${Date.now().toString(36)}@example.com`;
	await signUpConfirmed(page, email, OWN);
	const since = Date.now();
	await join(page, email, 'Tilin Omistaja', true);
	const link = firstLink((await waitForMail(email, 'Vahvista liittyminen', { since })).text);
	// The page offers no password; a post with one anyway confirms and changes no password.
	const res = await postConfirm(page, link, 'vieras-salasana-4');
	expect(res.status()).toBe(200);
	expect(await res.text()).toContain('Tällä sähköpostiosoitteella on jo tunnus.');
	const other = await (await browser.newContext()).newPage();
	await other.goto('/auth/sign-in');
	await other.getByLabel('Sähköposti').fill(email);
	await other.getByLabel('Salasana', { exact: true }).fill('vieras-salasana-4');
	await other.getByRole('button', { name: 'Kirjaudu' }).click();
	await expect(other.getByText('Sähköposti tai salasana on väärin.')).toBeVisible();
	await signIn(other, email, OWN);
	await other.goto('/account/pool');
	await expect(other.getByText('Tila: Mukana')).toBeVisible();
	await other.context().close();
});
