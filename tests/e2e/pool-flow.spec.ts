import { expect, test, type Browser, type Page } from './fixtures';
import { DEMO, firstLink, signIn, waitForMail } from './helpers';

async function asUser(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email);
	return page;
}

test('a visitor sees a plain-language join form that explains why each field is asked', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Liity asukaspooliin' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Liity asukaspooliin');
	await expect(page.getByText('Kutsut tulevat sähköpostiin.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Lue tietosuojaseloste' })).toHaveAttribute(
		'href',
		'/privacy'
	);
	// Nothing filled in: the required fields and the consent say what is missing.
	await page.getByRole('button', { name: 'Liity pooliin' }).click();
	await expect(page.getByText('Tarvitsemme luvan, jotta voit liittyä.')).toBeVisible();
});

test('a resident joins, confirms, edits, a coordinator invites, the resident answers, exports and erases', async ({
	browser
}) => {
	const resident = await asUser(browser, DEMO.resident);
	// The demo resident's mailbox is shared with other tests and earlier runs: only new mail counts.
	const since = Date.now();
	await resident.goto('/pool');
	await expect(resident.getByLabel('Sähköposti')).toHaveValue(DEMO.resident);
	// Hydration sets a bound select from its state: choose only once the page runs.
	await resident.waitForLoadState('networkidle');
	await resident.getByLabel('Kotikunta').selectOption({ label: 'Tampere' });
	await resident.getByLabel('Syntymävuosi').fill('1961');
	await resident.getByLabel('Nainen', { exact: true }).check();
	await resident.getByLabel('Verkossa', { exact: true }).check();
	await resident.getByLabel(/Annan luvan/).check();
	await resident.getByRole('button', { name: 'Liity pooliin' }).click();
	await expect(resident.getByRole('heading', { name: 'Katso sähköpostisi' })).toBeVisible();

	const confirm = await waitForMail(DEMO.resident, 'Vahvista liittyminen', { since });
	await resident.goto(firstLink(confirm.text));
	await resident.getByRole('button', { name: 'Vahvista' }).click();
	await expect(resident.getByText('Kiitos! Olet nyt mukana asukaspoolissa.')).toBeVisible();

	await resident.goto('/account/pool');
	await expect(resident.getByText('Tila: Mukana')).toBeVisible();
	await resident.getByLabel('Mistä aiheista haluat puhua?').fill('jonotusajat ja digipalvelut');
	await resident.getByRole('button', { name: 'Tallenna' }).click();
	await expect(resident.getByText('Tiedot tallennettu.')).toBeVisible();

	// The coordinator finds the member and invites them.
	const coordinator = await asUser(browser, DEMO.pool);
	await coordinator.goto('/staff/pool');
	// Fill once the page runs: a bound field filled before hydration is reset (CI saw 49 members).
	await coordinator.locator('html[data-app-running]').waitFor();
	await coordinator.getByLabel('Nimi tai sähköposti').fill('asukas@demo');
	await coordinator.getByRole('button', { name: 'Suodata' }).click();
	await expect(coordinator.getByRole('heading', { name: '1 jäsentä' })).toBeVisible();
	await coordinator.getByRole('link', { name: 'Kutsu kaikki 1 suodatettua' }).click();
	await expect(coordinator.getByText(/suodatinta: 1/)).toBeVisible();
	await coordinator.getByLabel('Toiminnan tyyppi').selectOption('panel');
	await coordinator.getByLabel('Otsikko').fill('Digimuutos-paneeli');
	await coordinator.getByLabel('Viesti suomeksi').fill('Tervetuloa pohtimaan digimuutosta.');
	await coordinator.getByRole('button', { name: 'Lähetä kutsu' }).click();
	await expect(coordinator.getByText('Kutsu lähetetty 1 jäsenelle.')).toBeVisible();
	// The deadline ends at 23:59:59 Finnish time, and is shown so whatever the server's zone.
	await expect(coordinator.getByText(/Vastausten määräpäivä: .* 23\.59/)).toBeVisible();
	await expect(coordinator.locator('td[data-answer="yes"]')).toHaveText('0');

	// The resident answers from the e-mail link, without the page knowing who they are.
	const invite = await waitForMail(DEMO.resident, 'Kutsu: Digimuutos-paneeli', { since });
	expect(invite.text).toContain('Tervetuloa pohtimaan digimuutosta.');
	const anon = await (await browser.newContext()).newPage();
	await anon.goto(firstLink(invite.text));
	await expect(anon.getByRole('heading', { name: 'Digimuutos-paneeli' })).toBeVisible();
	// Needs for this event go with the "yes" (typed once the page runs).
	await anon.locator('html[data-app-running]').waitFor();
	await anon.getByLabel(/Erityisruokavalio tai muu tarve/).fill('Gluteeniton ruokavalio');
	await anon.getByRole('button', { name: 'Kyllä, tulen' }).click();
	await expect(anon.getByText('Kiitos, vastauksesi on tallennettu.')).toBeVisible();

	// The coordinator's page follows replies live.
	await expect(coordinator.locator('td[data-answer="yes"]')).toHaveText('1', { timeout: 15_000 });
	// The organiser's list: municipality by name, contact details, a filter by answer, the export.
	await coordinator.getByLabel('Näytä vastaukset').selectOption({ label: 'Kyllä, tulen' });
	await coordinator.getByRole('button', { name: 'Näytä', exact: true }).click();
	await expect(coordinator).toHaveURL(/answer=yes/);
	const reply = coordinator
		.getByTestId('replies')
		.getByRole('row', { name: new RegExp(DEMO.resident) });
	await expect(reply).toContainText('Tampere');
	await expect(reply).toContainText('Kyllä, tulen');
	await expect(reply).toContainText('Gluteeniton ruokavalio');
	const download = coordinator.waitForEvent('download');
	await coordinator.getByRole('link', { name: 'Lataa vastaukset (CSV, Excel)' }).click();
	const csv = (await import('node:fs')).readFileSync((await (await download).path())!, 'utf8');
	expect(csv.startsWith('\ufeffNimi;Sähköposti;Puhelin;Kunta;Vastaus;')).toBe(true);
	expect(csv).toContain(`;${DEMO.resident};`);
	expect(csv).toContain(';Tampere;Kyllä, tulen;');
	expect(csv).toContain(';Gluteeniton ruokavalio');
	expect(
		(await coordinator.goto(`${new URL(coordinator.url()).pathname}?answer=perhaps`))?.status()
	).toBe(400);

	// The member sees the invitation and their data; the JSON download holds it too.
	await resident.goto('/account/pool/invitations');
	await expect(resident.getByText('Vastauksesi nyt: Kyllä, tulen')).toBeVisible();
	await resident.goto('/account/pool/data');
	await expect(resident.getByText('jonotusajat ja digipalvelut')).toBeVisible();
	const json = await (await resident.request.get('/account/pool/data.json')).json();
	expect(json.member.email).toBe(DEMO.resident);
	expect(json.invitations[0]).toMatchObject({ title: 'Digimuutos-paneeli', answer: 'yes' });

	// Erase: refused without the tick, done with it.
	await resident.goto('/account/pool');
	await resident.getByRole('button', { name: 'Lähde poolista ja poista tiedot' }).click();
	await expect(resident.getByText('Rastita ruutu')).toBeVisible();
	await resident.getByLabel('Ymmärrän, että tietoni poistetaan').check();
	await resident.getByRole('button', { name: 'Lähde poolista ja poista tiedot' }).click();
	await expect(resident.getByText('Tietosi on poistettu asukaspoolista.')).toBeVisible();
	await expect(resident.getByText('Et ole vielä asukaspoolissa.')).toBeVisible();

	// The coordinator no longer finds them; the anonymous answer still counts.
	await coordinator.goto('/staff/pool?q=asukas%40demo');
	await expect(coordinator.getByRole('heading', { name: '0 jäsentä' })).toBeVisible();
});

test('the representativeness view shows real counts against illustrative population shares', async ({
	page
}) => {
	await signIn(page, DEMO.pool);
	await page.goto('/staff/pool/representation');
	await expect(page.getByText(/havainnollistavia esimerkkilukuja/)).toBeVisible();
	const tampere = page.getByRole('row', { name: /^Tampere/ });
	await expect(tampere).toBeVisible();
	const members = Number(await tampere.locator('td').first().textContent());
	expect(members).toBeGreaterThan(0);
	// Shares in the Finnish form, and the gaps as a chart whose figures are in the table.
	await expect(tampere.locator('td').nth(1)).toHaveText(/^\d+,\d\u00a0%$/);
	await expect(
		page.getByRole('figure', { name: /Ero väestöön prosenttiyksikköinä: Kunta/ })
	).toBeVisible();
	// A resident may not open coordinator pages.
	const other = await (await page.context().browser()!.newContext()).newPage();
	await signIn(other, DEMO.resident);
	const res = await other.goto('/staff/pool');
	expect(res?.status()).toBe(403);
});

test('a coordinator exports the filter as CSV and an invalid import writes nothing', async ({
	page
}) => {
	await signIn(page, DEMO.pool);
	const csv = await (await page.request.get('/staff/pool/export.csv?municipality=837')).text();
	// For Excel in Finland: BOM, semicolons, readable names; Tampere rather than 837.
	expect(csv.split('\r\n')[0]).toContain('\ufeffNimi;Sähköposti;');
	expect(csv).toContain(';Tampere;');
	expect(csv).not.toContain(';837;');
	expect(csv).toContain('@demo.osallistu.fi');
	await page.goto('/staff/pool/import');
	await page.getByLabel('CSV-tiedosto').setInputFiles({
		name: 'lista.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'name;email;municipality;birth_year\nUusi Ihminen;uusi@example.fi;837;1970\nHuono Rivi;ei-osoite;999;3000\n'
		)
	});
	await page.getByRole('button', { name: 'Tarkista' }).click();
	await expect(page.getByText('1 riviä on virheellisiä. Mitään ei tallennettu.')).toBeVisible();
	await expect(page.getByText(/Rivi 3/)).toBeVisible();
	await page.goto('/staff/pool?q=uusi%40example.fi');
	await expect(page.getByRole('heading', { name: '0 jäsentä' })).toBeVisible();
});

test('a coordinator filters by ticking boxes, no Ctrl-click needed', async ({ page }) => {
	await signIn(page, DEMO.pool);
	await page.goto('/staff/pool');
	const municipality = page.getByRole('group', { name: 'Kunta' });
	await municipality.getByLabel('Tampere', { exact: true }).check();
	await municipality.getByLabel('Nokia', { exact: true }).check();
	await page.getByRole('button', { name: 'Suodata' }).click();
	await expect(page).toHaveURL(/municipality=837/);
	await expect(page).toHaveURL(/municipality=536/);
	// The choices stay ticked on the filtered page.
	await expect(
		page.getByRole('group', { name: 'Kunta' }).getByLabel('Tampere', { exact: true })
	).toBeChecked();
	await expect(page.getByRole('heading', { name: /\d+ jäsentä/ })).toBeVisible();
});
