import { expect, test } from './fixtures';
import { DEMO, firstLink, signIn, waitForMail } from './helpers';

test('front page is Finnish with a language switch and the accessibility statement', async ({
	page
}) => {
	const res = await page.goto('/');
	// Security headers on every page: a strict script policy, no framing.
	const csp = res!.headers()['content-security-policy'];
	expect(csp).toContain("script-src 'self'");
	expect(csp).toContain("frame-ancestors 'none'");
	expect(res!.headers()['x-content-type-options']).toBe('nosniff');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Osallistu ja vaikuta');
	await page.getByRole('button', { name: 'På svenska' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delta och påverka');
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Take part and make a difference'
	);
	await page.getByRole('button', { name: 'Suomeksi' }).click();
	await page.getByRole('link', { name: 'Saavutettavuusseloste' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saavutettavuusseloste');
	// The measured status, the known issues and today's supervisor (Traficom since 2025; the
	// regional state administrative agencies no longer exist).
	await expect(page.getByText('täyttää WCAG 2.1 AA -tason vaatimukset osittain')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Tunnetut puutteet' })).toBeVisible();
	await expect(page.getByText(/Liikenne- ja viestintävirasto Traficom/)).toBeVisible();
	await expect(page.getByText(/aluehallintovirasto/)).toHaveCount(0);
	// The privacy notice lists what each module keeps and for how long.
	await page.goto('/privacy');
	for (const part of ['Käyttäjätili', 'Asukaspooli', 'Keskustelut', 'Palaute', 'Sähköpostit'])
		await expect(page.getByRole('rowheader', { name: part })).toBeVisible();
	await expect(page.getByRole('row', { name: /Sähköpostit/ })).toContainText('30 päivää');
});

test('a resident signs up, confirms the e-mail, signs in and out, and resets the password', async ({
	page
}) => {
	const email = `e2e-${Date.now()}@example.com`;
	await page.goto('/auth/sign-up');
	await page.getByLabel('Nimi').fill('Testi Asukas');
	await page.getByLabel('Sähköposti').fill(email);
	await page.getByLabel('Salasana', { exact: true }).fill('lyhyt');
	await page.getByLabel('Salasana uudelleen').fill('lyhyt');
	await page.getByRole('button', { name: 'Luo tunnus' }).click();
	await expect(page.getByText('Salasanassa pitää olla vähintään 10 merkkiä.')).toBeVisible();

	await page.getByLabel('Salasana', { exact: true }).fill('oikein-pitka-salasana');
	await page.getByLabel('Salasana uudelleen').fill('oikein-pitka-salasana');
	await page.getByRole('button', { name: 'Luo tunnus' }).click();
	await expect(page.getByRole('heading', { name: 'Tarkista sähköpostisi' })).toBeVisible();

	// Not confirmed yet: signing in is refused with a clear message.
	await page.goto('/auth/sign-in');
	await page.getByLabel('Sähköposti').fill(email);
	await page.getByLabel('Salasana', { exact: true }).fill('oikein-pitka-salasana');
	await page.getByRole('button', { name: 'Kirjaudu' }).click();
	await expect(page.getByText('Vahvista ensin sähköpostiosoitteesi.')).toBeVisible();

	const mail = await waitForMail(email, 'Vahvista');
	await page.goto(firstLink(mail.text));
	await page.getByRole('button', { name: 'Vahvista osoite' }).click();
	await expect(page.getByText('Sähköpostiosoite on vahvistettu.')).toBeVisible();
	// The link is used up.
	await page.goto(firstLink(mail.text));
	await expect(page.getByText('Linkki on vanhentunut tai jo käytetty.')).toBeVisible();

	await signIn(page, email, 'oikein-pitka-salasana');
	await expect(page.getByRole('heading', { name: 'Oma sivu' })).toBeVisible();
	await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
	await expect(page.getByText('Olet kirjautunut ulos.')).toBeVisible();

	await page.goto('/auth/forgot');
	await page.getByLabel('Sähköposti').fill(email);
	await page.getByRole('button', { name: 'Lähetä linkki' }).click();
	await expect(page.getByText('Jos osoite on rekisteröity, lähetimme')).toBeVisible();
	const reset = await waitForMail(email, 'Salasanan vaihto');
	await page.goto(firstLink(reset.text));
	await page.getByLabel('Uusi salasana').fill('toinen-pitka-salasana');
	await page.getByLabel('Salasana uudelleen').fill('toinen-pitka-salasana');
	await page.getByRole('button', { name: 'Tallenna salasana' }).click();
	await expect(page.getByText('Salasana on vaihdettu.')).toBeVisible();
	await signIn(page, email, 'toinen-pitka-salasana');
});

test('wrong password gets the same message as an unknown address', async ({ page }) => {
	for (const email of [DEMO.resident, 'ei-ole@example.com']) {
		await page.goto('/auth/sign-in');
		await page.getByLabel('Sähköposti').fill(email);
		await page.getByLabel('Salasana', { exact: true }).fill('väärä-salasana');
		await page.getByRole('button', { name: 'Kirjaudu' }).click();
		await expect(page.getByText('Sähköposti tai salasana on väärin.')).toBeVisible();
	}
});

test('a resident cannot open a staff or admin page', async ({ page }) => {
	await signIn(page, DEMO.resident);
	const staff = await page.goto('/staff');
	expect(staff?.status()).toBe(403);
	await expect(page.getByText('Sinulla ei ole oikeutta tähän sivuun.')).toBeVisible();
	const admin = await page.goto('/admin/people');
	expect(admin?.status()).toBe(403);
});

test('an admin creates a staff account, gives a scoped role, and the audit log shows it', async ({
	page
}) => {
	const email = `staff-${Date.now()}@example.com`;
	await signIn(page, DEMO.admin);
	await page.goto('/admin/people/new');
	await page.getByLabel('Nimi').fill('Uusi Työntekijä');
	await page.getByLabel('Sähköposti').fill(email);
	await page.getByLabel('Palautteen käsittelijä').check();
	await page.getByRole('button', { name: 'Lisää henkilöstön tunnus' }).click();
	await expect(page.getByText('Tunnus luotu.')).toBeVisible();
	await page.getByLabel('Rooli').selectOption('conversation_moderator');
	await page.getByLabel('Rajaus').selectOption({ label: 'Avopalvelut' });
	await page.getByRole('button', { name: 'Anna rooli' }).click();
	await expect(page.getByText('palvelulinja: Avopalvelut')).toBeVisible();
	await page.goto('/admin/audit');
	await expect(page.getByText('role.grant').first()).toBeVisible();
	await expect(page.getByText('user.create_staff').first()).toBeVisible();
	await waitForMail(email, 'Tunnuksesi');
});

test('the staff workspace links to the areas of the person’s own roles only', async ({ page }) => {
	await signIn(page, DEMO.pool);
	await page.goto('/staff');
	await expect(page.getByRole('link', { name: 'Asukaspooli' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Keskustelut' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Asukaspooli' }).click();
	await expect(page).toHaveURL(/\/staff\/pool$/);
});
