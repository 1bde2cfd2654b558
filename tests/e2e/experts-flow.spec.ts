/**
 * Experience experts end to end (issue 15, "Done when"): a member of staff requests an expert
 * (bad input is refused at the field first); the coordinator proposes the best-ranked expert,
 * who declines from the mailed link, so the next one is proposed and accepts on their own page;
 * the coordinator closes the assignment with hours and travel (the fee from the shared schedule);
 * both sides give feedback; the CSV totals grow by exactly what was recorded (a hand count
 * against the file before); the finding appears in the impact tracker.
 */
import { expect, test, type Browser, type Page } from './fixtures';
import { DEMO, firstLink, signIn, waitForMail } from './helpers';

const RUN = Date.now().toString(36);
/** A calendar day n days from today (far enough from midnight not to matter). */
const dayFromToday = (n: number) =>
	new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const PROJECT = `E2E kokemus ${RUN}`;
const FINDING = `Odotusaulan opasteet ovat sekavia ${RUN}`;
// A day and hour of its own for every run, so earlier runs' bookings rarely overlap it, within
// this year: the demo fee schedule has this year's hourly rate (25,00 €) and last year's only.
const DAYS_LEFT = Math.floor(
	(Date.UTC(new Date().getUTCFullYear(), 11, 31) - Date.now()) / 86_400_000
);
const DAY = dayFromToday(DAYS_LEFT >= 3 ? 2 + (Date.now() % (DAYS_LEFT - 1)) : 2);
const HOUR = String(8 + (Date.now() % 8)).padStart(2, '0');
const EMAIL: Record<string, string> = {
	'Sari Saarinen': 'asiantuntija1@demo.osallistu.fi',
	'Jukka Järvinen': 'asiantuntija2@demo.osallistu.fi',
	'Leena Lahtinen': 'asiantuntija3@demo.osallistu.fi',
	'Mikko Mäkelä': 'asiantuntija4@demo.osallistu.fi',
	'Outi Ojala': 'asiantuntija5@demo.osallistu.fi'
};
const FIRST: Record<string, string> = Object.fromEntries(
	Object.keys(EMAIL).map((n) => [n.split(' ')[0], n])
);

async function asUser(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email);
	return page;
}

interface Totals {
	assignments: number;
	hours: number;
	fee: number;
	travel: number;
}

/** The coordinator's CSV, as rows keyed by total_by and who. */
async function totals(page: Page): Promise<Map<string, Totals>> {
	const res = await page.request.get('/staff/experts/totals.csv');
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toContain('text/csv');
	const lines = (await res.text())
		.replace(/^\ufeff/, '')
		.trim()
		.split(/\r\n/);
	expect(lines[0]).toBe('total_by,year,unit,expert,assignments,hours,fee_eur,travel_eur');
	const out = new Map<string, Totals>();
	for (const line of lines.slice(1)) {
		const [by, year, unit, expert, a, h, f, tr] = line.split(',');
		out.set(`${by}|${year}|${unit}|${expert}`, {
			assignments: Number(a),
			hours: Number(h),
			fee: Number(f),
			travel: Number(tr)
		});
	}
	return out;
}
const zero: Totals = { assignments: 0, hours: 0, fee: 0, travel: 0 };

test('staff request, decline then accept, closed with hours, fee and feedback, CSV totals, finding in the tracker', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);

	// 1. A member of staff requests an expert; bad input is refused at its field, nothing stored.
	await signIn(page, DEMO.staff);
	await page.goto('/staff/experts/requests/new');
	await expect(page.getByRole('heading', { name: 'Mitä se maksaa' })).toBeVisible();
	await expect(page.getByText(/25,00 € tunnilta/)).toBeVisible();
	await page.getByLabel('Hanke tai yksikkö').fill(PROJECT);
	await page.getByLabel('Haettu kokemus').selectOption({ label: 'Mielenterveys' });
	await page.getByLabel('Muoto').selectOption({ label: 'Työpaja' });
	await page.getByLabel('Päivä').fill(dayFromToday(-3));
	await page.getByLabel('Asiantuntijoiden määrä').fill('0');
	await page.getByRole('button', { name: 'Lähetä pyyntö' }).click();
	await expect(page.locator('#f-purpose-error')).toHaveText('Tämä tieto tarvitaan.');
	await expect(page.locator('#f-expertsNeeded-error')).toHaveText(
		'Pyydä vähintään yksi asiantuntija.'
	);
	await expect(page.locator('#f-date-error')).toHaveText(
		'Päivän ja ajan on oltava tulevaisuudessa.'
	);
	await page
		.getByLabel('Tarkoitus')
		.fill('Kommentoikaa uuden odotusaulan opasteita ja ilmoittautumista.');
	await page.getByLabel('Päivä').fill(DAY);
	await page.getByLabel('Alkaa klo').fill(`${HOUR}:00`);
	await page.getByLabel('Kesto (tuntia)').fill('2');
	await page.getByLabel('Asiantuntijoiden määrä').fill('1');
	await page.getByRole('button', { name: 'Lähetä pyyntö' }).click();
	await expect(page.getByText('Pyyntösi on lähetetty.')).toBeVisible();
	const requestUrl = new URL(page.url()).pathname;
	const requestId = requestUrl.split('/').pop()!;
	await expect(page.getByText('Etsitään asiantuntijaa')).toBeVisible();

	// 2. The coordinator sees the request and its ranking, with reasons, and proposes the first.
	const coord = await asUser(browser, DEMO.experts);
	const before = await totals(coord);
	await coord.goto('/staff/experts');
	await coord.getByRole('link', { name: PROJECT }).click();
	await expect(coord).toHaveURL(new RegExp(`/staff/experts/match/${requestId}$`));
	const ranking = coord.locator('ol.ranking > li');
	await expect(ranking.first()).toContainText('Toimeksiantoja tänä vuonna:');
	await expect(ranking.first()).toContainText('Kokemus: Mielenterveys');
	await expect(coord.locator('ol.ranking')).toContainText('Saatavuus keskeytetty'); // Mikko
	const firstName = (await ranking.first().locator('strong').textContent())!.trim();
	const firstExpert = FIRST[firstName];
	const since = Date.now();
	await ranking
		.first()
		.getByRole('button', { name: `Ehdota: ${firstName}` })
		.click();
	await expect(coord.getByText('Ehdotettu.')).toBeVisible();

	// 3. The first expert declines from the mail: the link opens a page, the button answers.
	const mail = await waitForMail(EMAIL[firstExpert], PROJECT, { since });
	const link = firstLink(mail.text);
	const expertPage = await (await browser.newContext()).newPage();
	await expertPage.goto(link);
	await expect(expertPage.getByRole('heading', { name: 'Pyyntö kokemuksestasi' })).toBeVisible();
	await expertPage.getByRole('button', { name: 'En tällä kertaa' }).click();
	await expect(expertPage.getByText('Pyyntö siirtyy seuraavalle asiantuntijalle.')).toBeVisible();

	// The next one of the ranking has been proposed and mailed.
	await coord.reload();
	const asked = coord.locator('table tbody tr');
	await expect(asked).toHaveCount(2);
	await expect(asked.nth(0)).toContainText('Kieltäytyi');
	await expect(asked.nth(1)).toContainText('Odottaa vastausta');
	const secondExpert = (await asked.nth(1).locator('td').first().textContent())!.trim();
	expect(secondExpert).not.toBe(firstExpert);
	await waitForMail(EMAIL[secondExpert], PROJECT, { since });

	// 4. The second accepts on their own page.
	const second = await asUser(browser, EMAIL[secondExpert]);
	await second.goto('/account/experts');
	const card = second.locator('article', { hasText: PROJECT });
	await card.getByRole('button', { name: 'Kyllä, osallistun' }).click();
	await expect(second.getByText('Olet hyväksynyt pyynnön.')).toBeVisible();
	await expect(card).toContainText('Hyväksytty');

	// Staff see the expert's first name, areas and ways to meet, and no more.
	await page.goto(requestUrl);
	await expect(page.getByText('Asiantuntijat löytyneet')).toBeVisible();
	const seen = page.locator('article.card');
	await expect(seen.getByRole('heading', { level: 3 })).toContainText(secondExpert.split(' ')[0]);
	await expect(page.locator('main')).not.toContainText(secondExpert.split(' ')[1]);
	await expect(page.locator('main')).not.toContainText('@demo.osallistu.fi');

	// Another member of staff cannot open this request, nor the coordinator's pages.
	const other = await asUser(browser, DEMO.feedback);
	expect((await other.goto(requestUrl))?.status()).toBe(404);
	expect((await other.goto(`/staff/experts/match/${requestId}`))?.status()).toBe(403);
	expect((await other.request.get('/staff/experts/totals.csv')).status()).toBe(403);

	// 5. The coordinator closes the assignment: 2,5 h at the schedule's 25 € = 62,50 €, travel 8,40 €.
	await coord.reload();
	await coord.getByRole('link', { name: 'Toimeksianto', exact: true }).click();
	await coord.getByLabel('Tunnit').fill('2.5');
	await coord.getByLabel('Matkakulut (€)').fill('8.40');
	await coord.getByLabel(/Mitä toimeksianto toi esiin/).fill(FINDING);
	await coord.getByRole('button', { name: 'Päätä ja kirjaa' }).click();
	await expect(coord.getByText('Toimeksianto on päätetty ja kirjattu.')).toBeVisible();
	await coord.reload();
	await expect(coord.locator('dl')).toContainText('62,50 €');

	// 6. Both sides give short feedback.
	await page.reload();
	await page
		.getByLabel('Lyhyt palautteesi asiantuntijan työstä')
		.fill('Selkeät ja tärkeät huomiot.');
	await page.getByRole('button', { name: 'Tallenna palaute' }).click();
	await expect(page.getByText('Kiitos, palautteesi on tallennettu.')).toBeVisible();
	await second.reload();
	await second
		.locator('article', { hasText: PROJECT })
		.getByLabel('Lyhyt palautteesi toimeksiannosta')
		.fill('Hyvin järjestetty.');
	await second
		.locator('article', { hasText: PROJECT })
		.getByRole('button', { name: 'Tallenna palaute' })
		.click();
	await expect(second.getByText('Kiitos, palautteesi on tallennettu.')).toBeVisible();
	await coord.reload();
	await expect(coord.locator('dl')).toContainText('Selkeät ja tärkeät huomiot.');
	await expect(coord.locator('dl')).toContainText('Hyvin järjestetty.');

	// 7. The CSV: each total grew by exactly this assignment (a hand count against the file before).
	const after = await totals(coord);
	const year = DAY.slice(0, 4);
	const unit = 'Hervannan terveysasema';
	for (const key of [
		`expert|${year}||${secondExpert}`,
		`unit|${year}|${unit}|`,
		`year|${year}||`
	]) {
		const b = before.get(key) ?? zero;
		const a = after.get(key);
		expect(a, key).toBeDefined();
		expect(a!.assignments - b.assignments).toBe(1);
		expect(Math.round((a!.hours - b.hours) * 100)).toBe(250);
		expect(Math.round((a!.fee - b.fee) * 100)).toBe(6250);
		expect(Math.round((a!.travel - b.travel) * 100)).toBe(840);
	}
	// The expert who declined earned nothing from it.
	const declined = `expert|${year}||${firstExpert}`;
	expect(after.get(declined) ?? zero).toEqual(before.get(declined) ?? zero);

	// 8. The finding reaches the impact tracker (by its event): the tracker's full list (admin).
	const admin = await asUser(browser, DEMO.admin);
	await expect(async () => {
		await admin.goto(`/staff/impact?q=${encodeURIComponent(FINDING.slice(0, 20))}`);
		await expect(admin.getByRole('link', { name: FINDING })).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 30_000 });
	await admin.getByRole('link', { name: FINDING }).click();
	await expect(admin.locator('main')).toContainText(PROJECT);
});
