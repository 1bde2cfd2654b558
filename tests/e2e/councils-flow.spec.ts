/**
 * Councils end to end (issue 14): the coordinator creates a council, recruits a member from the
 * pool (invitation mail, the member answers from its link, the answer comes back by event and
 * the candidate is seated), adds the demo resident directly, holds a meeting with agenda,
 * attendance and minutes; the resident drafts a statement on their own page and the body
 * approves it in the meeting; the statement appears as a finding in the impact tracker and on
 * the body's public page. A staff member's request is accepted onto the next meeting's agenda
 * and answered, and the staff member sees the answer; they never see members' contacts or the
 * meeting page. A meeting that has begun offers no invitations; the next one mails them.
 */
import { expect, test, type Browser, type Page } from './fixtures';
import { DEMO, firstLink, signIn, waitForMail } from './helpers';

const RUN = Date.now().toString(36);
const NAME = `Kotihoidon asiakasraati ${RUN}`;
const STATEMENT = `Kotihoidon käyntiajoista on kerrottava kaksi viikkoa etukäteen ${RUN}`;
const TOPIC = `Aulan opasteet ${RUN}`;
const POOL_MEMBER = 'jasen2@demo.osallistu.fi';

async function asUser(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email);
	return page;
}

/** A Helsinki calendar day n days from now, as a date input takes it. */
function day(n: number): string {
	return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(
		new Date(Date.now() + n * 86_400_000)
	);
}

test('a coordinator runs a council from recruiting to a statement that becomes a finding; a staff request is answered', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const since = Date.now();
	const coord = await asUser(browser, DEMO.council);

	// Create the council.
	await coord.goto('/staff/councils');
	await coord.getByLabel('Laji').selectOption('customer_council');
	await coord.getByLabel('Nimi', { exact: true }).fill(NAME);
	await coord.getByLabel('Tarkoitus').fill('Kotihoidon asiakkaiden ääni.');
	await coord.getByLabel('Avopalvelut').check();
	await coord.getByLabel('Toimikausi alkaa').fill(day(-1));
	await coord.getByRole('button', { name: 'Perusta toimielin' }).click();
	await expect(coord.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
	const bodyUrl = coord.url();
	const bodyId = /\/staff\/councils\/(\d+)/.exec(bodyUrl)![1];

	// Recruit from the pool: search, pick, invite; the member answers from the mail's link.
	await coord.getByLabel('Hae poolista').fill(POOL_MEMBER);
	await coord.getByRole('button', { name: 'Hae', exact: true }).click();
	await coord.getByRole('checkbox').first().check();
	await coord.getByLabel('Viesti kutsutuille').fill('Tervetuloa kotihoidon asiakasraatiin.');
	await coord.getByRole('button', { name: 'Lähetä kutsu' }).click();
	await expect(coord.getByText('Kutsu lähti 1 henkilölle.')).toBeVisible();
	const invite = await waitForMail(POOL_MEMBER, `Kutsu: ${NAME}`, { since });
	const anon = await (await browser.newContext()).newPage();
	await anon.goto(firstLink(invite.text));
	await anon.getByRole('button', { name: 'Kyllä, tulen' }).click();
	await expect(anon.getByText('Kiitos, vastauksesi on tallennettu.')).toBeVisible();
	// The answer arrives by event: the candidate appears and is seated as vice chair.
	await expect(async () => {
		await coord.goto(bodyUrl);
		await expect(coord.getByRole('button', { name: 'Tee jäseneksi' })).toBeVisible({
			timeout: 1000
		});
	}).toPass({ timeout: 20_000 });
	await coord.locator('select[id^="crole-"]').selectOption('vice_chair');
	await coord.locator('input[id^="cstart-"]').fill(day(-1));
	await coord.getByRole('button', { name: 'Tee jäseneksi' }).click();
	await expect(coord.getByText('Jäsen lisätty.')).toBeVisible();
	await expect(coord.getByRole('cell', { name: POOL_MEMBER })).toBeVisible();

	// The demo resident is added directly, as chair.
	await coord.getByLabel('Nimi', { exact: true }).fill('Antti Asukas');
	await coord.getByLabel('Sähköposti').fill(DEMO.resident);
	await coord.locator('#f-role').selectOption('chair');
	await coord.getByLabel('Jäsen alkaen').fill(day(-1));
	await coord.getByRole('button', { name: 'Lisää jäsen' }).click();
	await expect(coord.getByText('Jäsen lisätty.')).toBeVisible();
	await expect(coord.getByRole('cell', { name: DEMO.resident })).toBeVisible();

	// The next meeting (in two weeks) mails its invitation to both members.
	await coord.getByLabel('Päivä', { exact: true }).fill(day(14));
	await coord.getByLabel('Paikka').fill('Palvelukeskus, sali 2');
	await coord.getByRole('button', { name: 'Lisää kokous' }).click();
	await expect(coord.getByRole('heading', { level: 1, name: /Kokous/ })).toBeVisible();
	const nextUrl = coord.url();
	await coord.getByRole('button', { name: 'Lähetä kutsu sähköpostilla' }).click();
	await expect(coord.getByText('Lähetetty 2 jäsenelle.')).toBeVisible();
	const call = await waitForMail(DEMO.resident, `Kokouskutsu: ${NAME}`, { since });
	expect(call.text).toContain('Palvelukeskus, sali 2');

	// Today's meeting, begun at 00:01: no invitations any more; agenda, attendance, minutes.
	await coord.goto(bodyUrl);
	await coord.getByLabel('Päivä', { exact: true }).fill(day(0));
	await coord.getByLabel('Kellonaika').fill('00:01');
	await coord.getByLabel('Etäkokouksen linkki').fill('https://meet.example.fi/raati');
	await coord.getByRole('button', { name: 'Lisää kokous' }).click();
	await expect(coord.getByRole('heading', { level: 1, name: /Kokous/ })).toBeVisible();
	const meetingUrl = coord.url();
	await expect(coord.getByRole('button', { name: 'Lähetä kutsu sähköpostilla' })).toHaveCount(0);
	await coord.getByLabel('Palvelu').fill('Kotihoito');
	await coord.getByLabel('Kysymys').fill('Käyntiaikojen muutos');
	await coord.getByLabel('Kuka tuo asian').fill('Kotihoidon esihenkilö');
	await coord.getByRole('button', { name: 'Lisää asia esityslistalle' }).click();
	await expect(coord.getByText('Asia lisätty esityslistalle.')).toBeVisible();
	await expect(
		coord.getByRole('listitem').filter({ hasText: 'Käyntiaikojen muutos' })
	).toBeVisible();
	await coord.getByRole('checkbox', { name: /Antti Asukas/ }).check();
	await coord.getByRole('checkbox', { name: /\(demo\)/ }).check();
	await coord.getByRole('button', { name: 'Tallenna läsnäolo' }).click();
	await expect(coord.getByText('Läsnäolo tallennettu: 2 läsnä.')).toBeVisible();

	// The resident (a member) drafts the statement on their own page before the meeting closes.
	const resident = await asUser(browser, DEMO.resident);
	await resident.goto('/account/councils');
	const section = resident
		.locator('section')
		.filter({ hasText: NAME })
		.filter({ hasText: 'Käyntiaikojen muutos' });
	await section.getByLabel('Uusi lausuntoluonnos').fill(STATEMENT);
	await section.getByRole('button', { name: 'Tallenna luonnos' }).click();
	await expect(section.getByText('Luonnos tallennettu.')).toBeVisible();
	await expect(section.getByText(STATEMENT)).toBeVisible();

	// The body approves it in the meeting; minutes; the meeting is closed.
	await coord.goto(meetingUrl);
	await expect(coord.getByText(STATEMENT)).toBeVisible();
	await expect(coord.getByText('luonnostellut Antti Asukas')).toBeVisible();
	await coord.getByRole('button', { name: 'Hyväksy kokouksessa' }).click();
	await expect(coord.getByText(/Lausunto hyväksytty/)).toBeVisible();
	await coord
		.getByRole('textbox', { name: 'Pöytäkirja' })
		.fill('Läsnä kaksi jäsentä. Lausunto annettiin.');
	await coord.getByRole('button', { name: 'Tallenna pöytäkirja' }).click();
	await expect(coord.getByText('Pöytäkirja tallennettu.')).toBeVisible();
	// Travel for the chair (24 km), then closing records both members' meeting fees.
	await coord.getByLabel('Jäsen', { exact: true }).selectOption({ label: 'Antti Asukas' });
	await coord.getByLabel('Laji', { exact: true }).selectOption('travel_km');
	await coord.getByLabel(/^Kilometrit/).fill('24');
	await coord.getByRole('button', { name: 'Tallenna kulu' }).click();
	await expect(coord.getByText('Kulu tallennettu.')).toBeVisible();
	await coord.getByRole('button', { name: 'Päätä kokous' }).click();
	await expect(coord.getByText('Kokous on päätetty; 2 kokouspalkkiota kirjattu.')).toBeVisible();
	const meetingId = /\/meetings\/(\d+)/.exec(meetingUrl)![1];

	// The payroll CSV against a hand count (this year's demo schedule: chair 90 €, member 60 €,
	// 0,55 €/km): 90,00 + 60,00 + 24 × 0,55 = 163,20 €.
	const month = day(0).slice(0, 7);
	const admin = await asUser(browser, DEMO.admin);
	const csv = await (await admin.request.get(`/admin/fees/payroll.csv?month=${month}`)).text();
	const lines = csv
		.split('\r\n')
		.map((l) => l.split(';'))
		.filter((c) => c[7] === 'council_meeting' && c[8] === meetingId);
	expect(lines.map((c) => [c[2], c[3], c[6]]).sort()).toEqual([
		['Antti Asukas', 'meeting_fee_chair', '90'],
		['Antti Asukas', 'travel_km', '13,2'],
		[lines.find((c) => c[3] === 'meeting_fee_member')![2], 'meeting_fee_member', '60']
	]);
	const cents = lines.reduce((sum, c) => sum + Math.round(Number(c[6].replace(',', '.')) * 100), 0);
	expect(cents).toBe(16320);
	await coord.goto(bodyUrl);
	await expect(coord.getByText('Yhteensä 163,20 €')).toBeVisible();
	// The member sees their own fees only.
	await resident.goto('/account/councils');
	const own = resident.getByRole('region', { name: 'Raatipalkkioni' });
	await expect(own.getByRole('row').filter({ hasText: NAME })).toHaveCount(2);

	// The statement is a finding in the tracker (by event) and on the body's public page.
	// (The tracker's staff list shows every finding to its coordinators and admins.)
	await expect(async () => {
		await admin.goto(`/staff/impact?q=${encodeURIComponent(STATEMENT.slice(0, 30))}`);
		await expect(admin.getByRole('link', { name: STATEMENT })).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 20_000 });
	const pub = await (await browser.newContext()).newPage();
	await pub.goto(`/councils/${bodyId}`);
	const quote = pub.locator('blockquote').filter({ hasText: STATEMENT });
	await expect(quote.getByRole('link', { name: 'Vastaanotettu' })).toBeVisible();
	await expect(pub.getByText('2 jäsentä läsnä')).toBeVisible();
	await expect(pub.getByText(DEMO.resident)).toHaveCount(0);

	// A staff member asks the body; they see its public information only.
	const staff = await asUser(browser, DEMO.staff);
	await staff.goto(`/staff/councils/${bodyId}`);
	await expect(staff.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
	await expect(staff.getByText(DEMO.resident)).toHaveCount(0);
	await expect(staff.getByText(POOL_MEMBER)).toHaveCount(0);
	expect((await staff.goto(meetingUrl))?.status()).toBe(403);
	await staff.goto(`/staff/councils/${bodyId}`);
	await staff.getByLabel('Aihe', { exact: true }).fill(TOPIC);
	await staff.getByRole('button', { name: 'Lähetä pyyntö' }).click();
	await expect(staff.getByText('Pyyntö lähetetty koordinaattorille.')).toBeVisible();

	// The coordinator takes it onto the next meeting's agenda and answers.
	await coord.goto(bodyUrl);
	const req = coord.locator('article').filter({ hasText: TOPIC });
	await req.getByRole('button', { name: 'Ota esityslistalle' }).click();
	await expect(coord.getByText('Otettu esityslistalle; pyytäjälle kerrottiin.')).toBeVisible();
	await coord.goto(nextUrl);
	await expect(coord.getByRole('listitem').filter({ hasText: TOPIC })).toContainText(
		'Heikki Henkilöstö'
	);
	await coord.goto(bodyUrl);
	await req.getByLabel('Vastaus').fill('Raati toivoo isompia opasteita.');
	await req.getByRole('button', { name: 'Lähetä vastaus' }).click();
	await expect(coord.getByText('Vastaus lähetetty pyytäjälle.')).toBeVisible();
	const answer = await waitForMail(DEMO.staff, `Vastaus pyyntöösi: ${TOPIC}`, { since });
	expect(answer.text).toContain('Raati toivoo isompia opasteita.');
	await staff.goto('/staff/councils');
	const mine = staff.locator('article').filter({ hasText: TOPIC });
	await expect(mine).toContainText('Vastattu');
	await expect(mine).toContainText('Raati toivoo isompia opasteita.');
});

test('bad input changes nothing and says why in Finnish', async ({ page }) => {
	await signIn(page, DEMO.council);
	await page.goto('/staff/councils');
	await page.getByLabel('Toimikausi alkaa').fill(day(0));
	await page.getByLabel('Toimikausi päättyy').fill(day(-5));
	await page.getByRole('button', { name: 'Perusta toimielin' }).click();
	await expect(page.getByText('Toimikausi ei voi päättyä ennen kuin se alkaa.')).toBeVisible();
	await expect(page.getByText('Tämä tieto tarvitaan.')).toBeVisible();
});

test("staff cannot run another person's body: a POST is refused and changes nothing", async ({
	browser
}) => {
	// The demo elders' council is the demo council coordinator's; a staff member tries to add
	// a member and to record attendance there, without JavaScript.
	const staff = await asUser(browser, DEMO.staff);
	await staff.goto('/councils');
	const href = await staff
		.getByRole('link', { name: 'Vanhusneuvosto (demo)' })
		.getAttribute('href');
	const id = /\/councils\/(\d+)/.exec(href!)![1];
	const origin = new URL(staff.url()).origin;
	const email = `e2e-intruder-${RUN}@example.fi`;
	const res = await staff.request.post(`/staff/councils/${id}?/member`, {
		form: { name: 'Tunkeilija', email, role: 'chair', startsOn: day(0) },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(403);
	const coord = await asUser(browser, DEMO.council);
	await coord.goto(`/staff/councils/${id}`);
	await expect(coord.getByRole('cell', { name: DEMO.resident })).toBeVisible();
	await expect(coord.getByText(email)).toHaveCount(0);
	// The coordinator sees the members' contacts; the staff member does not.
	await staff.goto(`/staff/councils/${id}`);
	await expect(staff.getByText(DEMO.resident)).toHaveCount(0);
	await expect(staff.getByText('Hervannan terveysaseman aulan opasteet')).toHaveCount(0);
});
