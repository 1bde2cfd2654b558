/**
 * A resident panel from the pool invitation to the published recommendation (issue 13, "Done
 * when"): the coordinator defines it, invites from the pool, takes the yes answer, imports the
 * mailed answers (a bad CSV refused by row first), sets quotas (bad ones refused with a 400),
 * checks them, publishes the commitment, enters the seed; the draw's quota table and algorithm
 * show; the drawn resident sees their probability and confirms (JavaScript off); a decline is
 * replaced by lot; a session is held; members draft and support points; the recommendation is
 * published, public, and reaches "Sanoitte – teimme".
 */
import { expect, test, type Browser, type Page } from './fixtures';
import { DEMO, firstLink, signIn, waitForMail } from './helpers';

async function asUser(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
	const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
	await signIn(page, email);
	return page;
}

/** Twelve mailed answers, aged 30–64 (the demo resident, 65, is the only one of their band). */
function mailedCsv(extra = ''): string {
	const rows = ['id,name,email,household,gender,age_band'];
	for (let i = 1; i <= 12; i++)
		rows.push(
			`K${i},Postivastaaja ${i},k${i}@example.fi,${i <= 2 ? 'Koivukuja 3' : ''},${i % 2 ? 'male' : 'female'},${i <= 6 ? '30-44' : '45-64'}`
		);
	return rows.join('\n') + '\n' + extra;
}
const csvFile = (text: string) => ({
	name: 'vastaukset.csv',
	mimeType: 'text/csv',
	buffer: Buffer.from(text)
});
const QUOTAS = `category,value,min,max
gender,female,2,3
gender,male,1,2
age_band,30-44,1,2
age_band,45-64,1,2
age_band,65-74,1,1
`;

/** Submits with JavaScript off and returns the status of the POST's answer. */
async function postStatus(page: Page, click: () => Promise<void>): Promise<number> {
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		click()
	]);
	return response.status();
}

test('a panel runs from the pool invitation to a published recommendation', async ({ browser }) => {
	test.setTimeout(240_000);
	const question = `Miten teemme digimuutoksen vastuullisesti? ${Date.now()}`;
	const since = Date.now();

	// The demo resident joins the pool (they leave it again at the end).
	const resident = await asUser(browser, DEMO.resident);
	await resident.goto('/pool');
	await resident.waitForLoadState('networkidle');
	await resident.getByLabel('Kotikunta').selectOption({ label: 'Tampere' });
	await resident.getByLabel('Syntymävuosi').fill(String(new Date().getFullYear() - 65));
	await resident.getByLabel('Nainen', { exact: true }).check();
	await resident.getByLabel(/Annan luvan/).check();
	await resident.getByRole('button', { name: 'Liity pooliin' }).click();
	const confirm = await waitForMail(DEMO.resident, 'Vahvista liittyminen', { since });
	await resident.goto(firstLink(confirm.text));
	await resident.getByRole('button', { name: 'Vahvista' }).click();
	await expect(resident.getByText('Kiitos! Olet nyt mukana asukaspoolissa.')).toBeVisible();

	// The coordinator defines the panel.
	const coordinator = await asUser(browser, DEMO.pool);
	await coordinator.goto('/staff/panels');
	await coordinator.getByLabel('Kysymys').fill(question);
	await coordinator.getByLabel('Paikkoja paneelissa').fill('4');
	// Hydration sets bound checkboxes from their state: untick only once the page runs.
	await coordinator.waitForLoadState('networkidle');
	await coordinator.getByLabel('Kunta').uncheck();
	await expect(coordinator.getByLabel('Ikäryhmä')).toBeChecked();
	await coordinator.getByRole('button', { name: 'Luo paneeli' }).click();
	await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(question);
	const panelUrl = coordinator.url();
	const panelId = panelUrl.split('/').pop()!;

	// Stage one: a pool invitation for the panel, answered yes by the resident.
	await coordinator.getByRole('link', { name: 'Kutsu asukaspoolista' }).click();
	await expect(coordinator.getByLabel('Toiminnan tyyppi')).toHaveValue('panel');
	await coordinator.getByRole('button', { name: 'Lähetä kutsu' }).click();
	await expect(coordinator.getByText(/Kutsu lähetetty \d+ jäsenelle\./)).toBeVisible();
	const invite = await waitForMail(DEMO.resident, 'Kutsu:', { since });
	await resident.goto(/https?:\/\/\S+\/pool\/reply\/\S+/.exec(invite.text)![0]);
	await resident.getByRole('button', { name: 'Kyllä, tulen' }).click();
	await expect(resident.getByText('Kiitos, vastauksesi on tallennettu.')).toBeVisible();
	// The answer reaches the panel by the pool's event.
	await expect(async () => {
		await coordinator.goto(panelUrl);
		await expect(coordinator.getByText('Ottamattomia kyllä-vastauksia: 1')).toBeVisible({
			timeout: 1000
		});
	}).toPass({ timeout: 20_000 });
	await coordinator.getByRole('button', { name: 'Ota kyllä-vastanneet vapaaehtoisiksi' }).click();
	await expect(coordinator.getByText('Vapaaehtoisia lisätty: 1.')).toBeVisible();

	// Stage two: the mailed answers. A duplicate id is refused by row, nothing stored.
	await coordinator
		.getByLabel('CSV-tiedosto')
		.setInputFiles(csvFile(mailedCsv('K3,Toinen,,,male,30-44\n')));
	await coordinator.getByRole('button', { name: 'Tuo vapaaehtoiset' }).click();
	await expect(
		coordinator.getByText("Rivi 14: tunnus 'K3' toistuu (ensimmäisen kerran rivillä 4).")
	).toBeVisible();
	await expect(coordinator.getByRole('heading', { name: 'Vapaaehtoiset (1)' })).toBeVisible();
	await coordinator.getByLabel('CSV-tiedosto').setInputFiles(csvFile(mailedCsv()));
	await coordinator.getByRole('button', { name: 'Tuo vapaaehtoiset' }).click();
	await expect(coordinator.getByText('Vapaaehtoisia lisätty: 12.')).toBeVisible();
	await expect(coordinator.getByRole('heading', { name: 'Vapaaehtoiset (13)' })).toBeVisible();

	// Quotas: an unknown category and maximums below the size are refused (400, nothing stored).
	const noJs = await asUser(browser, DEMO.pool, false);
	await noJs.goto(panelUrl);
	await noJs.getByLabel('Kiintiöt (category,value,min,max)').fill(QUOTAS + 'kenka,42,0,1\n');
	expect(
		await postStatus(noJs, () => noJs.getByRole('button', { name: 'Tallenna kiintiöt' }).click())
	).toBe(400);
	await expect(noJs.getByText("Rivi 7: tuntematon luokka 'kenka'")).toBeVisible();
	await noJs
		.getByLabel('Kiintiöt (category,value,min,max)')
		.fill(QUOTAS.replace('gender,female,2,3', 'gender,female,1,1'));
	expect(
		await postStatus(noJs, () => noJs.getByRole('button', { name: 'Tallenna kiintiöt' }).click())
	).toBe(400);
	await expect(
		noJs.getByText("Luokka 'gender': maksimien summa on 3, 1 vähemmän kuin paneelin 4 paikkaa.")
	).toBeVisible();
	await noJs.close();
	await coordinator.reload();
	await coordinator.getByLabel('Kiintiöt (category,value,min,max)').fill(QUOTAS);
	await coordinator.getByRole('button', { name: 'Tallenna kiintiöt' }).click();
	await expect(coordinator.getByText('Kiintiöt tallennettu (5 riviä).')).toBeVisible();

	// The draw: check, commitment, seed.
	await coordinator.getByRole('button', { name: 'Tarkista kiintiöt' }).click();
	await expect(coordinator.getByText('Kiintiöt voidaan täyttää')).toBeVisible();
	await coordinator
		.getByLabel('Siemenen määräävä sääntö')
		.fill('Seuraavan lottoarvonnan numerot väliviivoin.');
	await coordinator.getByRole('button', { name: 'Julkaise sitoumus' }).click();
	await expect(coordinator.getByText('Sitoumus on julkaistu.')).toBeVisible();
	const commitment = (await coordinator.locator('code.hash').first().textContent())!.trim();
	expect(commitment).toMatch(/^[0-9a-f]{64}$/);
	await coordinator.getByLabel('Siemen', { exact: true }).fill('4-8-15-16-23-42');
	await coordinator.getByRole('button', { name: 'Tallenna siemen ja arvo' }).click();
	await expect(coordinator.getByText('Siemen on tallennettu')).toBeVisible();
	await expect(async () => {
		await coordinator.goto(panelUrl);
		await expect(
			coordinator.getByRole('table', { name: 'Kiintiöt: tavoitteet ja toteuma' })
		).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 60_000 });
	await expect(coordinator.getByText(/LEXIMIN \(Flanigan ym\., Nature 2021\)/)).toBeVisible();

	// The resident (only one aged 65–74, min 1) is drawn with certainty and sees it; confirms
	// with JavaScript off.
	await coordinator.getByRole('button', { name: 'Kutsu kaikki arvotut' }).click();
	await expect(coordinator.getByText(/Kutsuja lähetetty: 4\./)).toBeVisible();
	const residentNoJs = await asUser(browser, DEMO.resident, false);
	await residentNoJs.goto('/account/panels');
	const mine = residentNoJs.getByRole('article').filter({ hasText: question });
	await expect(mine.getByText('100,0 %')).toBeVisible();
	await expect(mine.getByText('Sinut arvottiin paneeliin.')).toBeVisible();
	await mine.getByRole('button', { name: 'Kyllä, otan paikan' }).click();
	await expect(residentNoJs.getByText('Kiitos! Paikkasi on vahvistettu.')).toBeVisible();
	await residentNoJs.close();

	// The others: two confirm, one declines and is replaced by the lot's proposal.
	await coordinator.goto(panelUrl);
	const selected = coordinator.getByRole('row').filter({ hasText: 'Valittu' });
	const refs = await selected.locator('td:first-child').allTextContents();
	expect(refs).toHaveLength(3);
	for (const ref of refs.slice(0, 2))
		await coordinator
			.getByRole('button', { name: `Merkitse vahvistetuksi: ${ref}`, exact: true })
			.click();
	await coordinator
		.getByRole('button', { name: `Merkitse kieltäytyneeksi: ${refs[2]}`, exact: true })
		.click();
	await expect(coordinator.getByText(new RegExp(`Jäsenen ${refs[2]} tilalle: `))).toBeVisible();
	await coordinator.getByRole('button', { name: 'Ota korvaaja paneeliin' }).click();
	await expect(coordinator.getByText('Korvaaja on otettu paneeliin.')).toBeVisible();
	const replacement = (
		await coordinator
			.getByRole('row')
			.filter({ hasText: 'Valittu' })
			.locator('td:first-child')
			.allTextContents()
	)[0];
	await coordinator
		.getByRole('button', { name: `Merkitse vahvistetuksi: ${replacement}`, exact: true })
		.click();
	await expect(coordinator.getByRole('row').filter({ hasText: 'Vahvistanut' })).toHaveCount(4);

	// A session with attendance.
	await coordinator.getByLabel('Otsikko').fill('Aloitusistunto');
	await coordinator.getByLabel('Päivä').fill('2026-12-10');
	await coordinator.getByLabel('Asiantuntijakuulemiset').fill('Digipalvelujohtaja');
	await coordinator.getByRole('button', { name: 'Lisää istunto' }).click();
	await expect(coordinator.getByText('Istunto lisätty.')).toBeVisible();
	for (const box of await coordinator.locator('input[name="present"]').all()) await box.check();
	await coordinator.getByRole('button', { name: 'Tallenna läsnäolo' }).click();
	await expect(coordinator.getByText('Läsnäolo tallennettu (4 paikalla).')).toBeVisible();
	// Fees on the county's schedule: a meeting fee for each, travel for one.
	await coordinator
		.getByLabel(/^Matka km, /)
		.first()
		.fill('24');
	await coordinator.getByRole('button', { name: 'Kirjaa palkkiot' }).click();
	await expect(coordinator.getByText('Palkkiot kirjattu: 5 riviä.')).toBeVisible();
	await expect(coordinator.getByRole('table', { name: 'Istunnon palkkiot' })).toContainText(
		'13,20 €'
	);

	// The resident drafts a point in the workspace; the coordinator adds one too.
	await resident.goto('/account/panels');
	await resident
		.getByRole('article')
		.filter({ hasText: question })
		.getByRole('link', { name: 'Avaa paneelin työtila' })
		.click();
	const point = `Jokaisella palvelulla on aina myös muu kuin digitaalinen tapa ${Date.now()}`;
	await resident.getByLabel('Kohta', { exact: true }).fill(point);
	await resident.getByRole('button', { name: 'Lisää kohta' }).click();
	await expect(resident.getByText('Kohta lisätty.')).toBeVisible();
	await expect(resident.getByText('25 % kannattaa (1)')).toBeVisible();

	// Publish: refused without the tick, done with it.
	await coordinator.goto(panelUrl);
	await coordinator.getByRole('button', { name: 'Julkaise', exact: true }).click();
	await expect(coordinator.getByText('Vahvista rastilla')).toBeVisible();
	await coordinator.getByLabel(/Suositus on lopullinen/).check();
	await coordinator.getByRole('button', { name: 'Julkaise', exact: true }).click();
	await expect(coordinator.getByText('Suositus on julkaistu.')).toBeVisible();

	// The public page: what, how (quota table, seed, commitment), what it recommended.
	const anon = await (await browser.newContext()).newPage();
	await anon.goto(`/panels/${panelId}`);
	await expect(anon.getByRole('heading', { level: 1 })).toHaveText(question);
	await expect(anon.getByText('4-8-15-16-23-42')).toBeVisible();
	await expect(anon.getByText(commitment)).toBeVisible();
	const quotas = anon.getByRole('table', { name: 'Kiintiöt: tavoitteet ja toteuma' });
	await expect(quotas).toBeVisible();
	// Names, not the engine's codes (gender / female).
	await expect(quotas.getByRole('cell', { name: 'Sukupuoli' }).first()).toBeVisible();
	await expect(quotas.getByRole('cell', { name: 'Nainen', exact: true })).toBeVisible();
	await expect(quotas.getByRole('cell', { name: 'female' })).toHaveCount(0);
	await expect(anon.getByText(point)).toBeVisible();
	await expect(anon.getByText('25 % kannattaa (1)')).toBeVisible();
	// The published data hash to the commitment.
	const data = await (await anon.request.get(`/panels/${panelId}/data.json`)).body();
	const { createHash } = await import('node:crypto');
	expect(createHash('sha256').update(data).digest('hex')).toBe(commitment);
	expect(data.toString()).not.toContain('Koivukuja');

	// The point reaches the impact tracker as a finding (by event).
	await expect(async () => {
		await anon.goto('/sanoitte-teimme');
		await expect(anon.getByText(point).first()).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 30_000 });

	// The resident leaves the pool again (the demo account is shared with the pool's own test).
	await resident.goto('/account/pool');
	await resident.getByLabel('Ymmärrän, että tietoni poistetaan').check();
	await resident.getByRole('button', { name: 'Lähde poolista ja poista tiedot' }).click();
	await expect(resident.getByText('Tietosi on poistettu asukaspoolista.')).toBeVisible();
});

test('a duplicate id in the mailed answers is refused with a 400 and nothing is stored', async ({
	browser
}) => {
	const noJs = await asUser(browser, DEMO.pool, false);
	await noJs.goto('/staff/panels');
	await noJs.getByLabel('Kysymys').fill(`Virheellinen tuonti ${Date.now()}`);
	await noJs.getByRole('button', { name: 'Luo paneeli' }).click();
	await expect(noJs.getByRole('heading', { name: 'Vapaaehtoiset (0)' })).toBeVisible();
	await noJs
		.getByLabel('CSV-tiedosto')
		.setInputFiles(
			csvFile('id,gender,age_band,municipality\nA1,female,30-44,837\nA1,male,45-64,837\n')
		);
	expect(
		await postStatus(noJs, () => noJs.getByRole('button', { name: 'Tuo vapaaehtoiset' }).click())
	).toBe(400);
	await expect(
		noJs.getByText("Rivi 3: tunnus 'A1' toistuu (ensimmäisen kerran rivillä 2).")
	).toBeVisible();
	await noJs.goto(noJs.url());
	await expect(noJs.getByRole('heading', { name: 'Vapaaehtoiset (0)' })).toBeVisible();
});
