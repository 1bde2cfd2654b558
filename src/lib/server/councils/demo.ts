/**
 * Demo data for an empty embedded database: the elders' council of the elderly and disability
 * services, coordinated by the demo council coordinator, with six members (four from the demo
 * pool, Antti Asukas seated directly, one who has left), a meeting held last month with agenda,
 * attendance, minutes and an approved statement (it reaches the impact tracker by event, as in
 * production), an upcoming meeting with material and an accepted staff request on its agenda, and
 * an open request waiting for the coordinator. Written through the services, so every rule holds.
 */
import type { Role, SessionUser } from '../core/auth/roles';
import { addDays, helsinkiDay } from '../core/time';
import type { CouncilsDb } from './councils.db';
import { addMember, createBody, endMembership } from './councils.members';
import {
	addAgendaItem,
	addMaterial,
	closeMeeting,
	createMeeting,
	recordAttendance,
	saveMinutes
} from './councils.meetings';
import { decideStatement, saveDraft } from './councils.statements';
import { acceptRequest, createRequest } from './councils.requests';
import { membersOf } from './councils.queries';
import { memberContacts } from '../pool';

const ORIGIN = 'http://localhost:5173';

async function sessionUser(db: CouncilsDb, email: string): Promise<SessionUser | null> {
	const u = await db
		.selectFrom('app_user')
		.select(['id', 'email', 'display_name', 'locale'])
		.where('email', '=', email)
		.executeTakeFirst();
	if (!u) return null;
	const roles = await db
		.selectFrom('user_role')
		.select(['role', 'service_line_id', 'unit_id'])
		.where('user_id', '=', u.id)
		.execute();
	return {
		id: u.id,
		email: u.email,
		displayName: u.display_name,
		locale: u.locale,
		roles: roles.map((r) => ({
			role: r.role as Role,
			serviceLineId: r.service_line_id,
			unitId: r.unit_id
		}))
	};
}

function expectOk<T extends { ok: boolean }>(r: T, what: string): Extract<T, { ok: true }> {
	if (!r.ok) throw new Error(`councils demo: ${what}: ${JSON.stringify(r)}`);
	return r as Extract<T, { ok: true }>;
}

export async function seedCouncilsDemo(db: CouncilsDb): Promise<void> {
	if (await db.selectFrom('council_body').select('id').executeTakeFirst()) return;
	const coordinator = await sessionUser(db, 'raati@demo.osallistu.fi');
	const staff = await sessionUser(db, 'henkilosto@demo.osallistu.fi');
	const resident = await sessionUser(db, 'asukas@demo.osallistu.fi');
	if (!coordinator || !staff || !resident) return;
	const line = await db
		.selectFrom('service_line')
		.select('id')
		.where('code', '=', 'elderly-disability')
		.executeTakeFirst();
	const today = helsinkiDay(new Date());
	const year = today.slice(0, 4);
	const body = expectOk(
		await createBody(db, coordinator, {
			kind: 'elders_council',
			name: 'Vanhusneuvosto (demo)',
			purpose:
				'Hyvinvointialueen vanhusneuvosto: ikäihmisten ääni palvelujen suunnittelussa ja valmistelussa.',
			serviceLineIds: line ? [line.id] : [],
			termStartsOn: `${year}-01-01`,
			termEndsOn: `${Number(year) + 1}-12-31`,
			coordinatorIds: []
		}),
		'body'
	);
	const since = addDays(today, -90);
	const pool = await db
		.selectFrom('pool_member')
		.select('id')
		.where('status', '=', 'active')
		.orderBy('email')
		.limit(4)
		.execute();
	const contacts = await memberContacts(
		db,
		pool.map((p) => p.id)
	);
	const roles = ['chair', 'vice_chair', 'secretary', 'member'] as const;
	for (const [i, c] of contacts.entries()) {
		await db.transaction().execute(async (trx) => {
			await trx
				.insertInto('council_member')
				.values({
					body_id: body.id,
					pool_member_id: c.id,
					user_id: c.user_id,
					name: c.name,
					email: c.email,
					phone: c.phone,
					role: roles[i],
					starts_on: since
				})
				.execute();
		});
	}
	expectOk(
		await addMember(db, coordinator, body.id, {
			name: resident.displayName,
			email: resident.email,
			phone: '',
			role: 'member',
			startsOn: since
		}),
		'resident seat'
	);
	const leaver = expectOk(
		await addMember(db, coordinator, body.id, {
			name: 'Leena Lähtenyt (demo)',
			email: 'leena.lahtenyt@demo.osallistu.fi',
			phone: '',
			role: 'deputy',
			startsOn: since
		}),
		'leaver'
	);
	expectOk(
		await endMembership(db, coordinator, body.id, {
			memberId: leaver.id,
			endsOn: addDays(today, -45),
			reason: 'Muutti pois alueelta'
		}),
		'leaving'
	);

	// A meeting held a month ago.
	const held = expectOk(
		await createMeeting(db, coordinator, body.id, {
			day: addDays(today, -30),
			time: '14:00',
			place: 'Tampereen keskustan palvelukeskus, kokoushuone 2',
			onlineUrl: ''
		}),
		'held meeting'
	);
	for (const item of [
		{
			service: 'Kotihoito',
			question: 'Kotihoidon käyntiaikojen muutos',
			broughtBy: 'Kotihoidon esihenkilö'
		},
		{
			service: 'Ajanvaraus',
			question: 'Sähköisen ajanvarauksen saavutettavuus',
			broughtBy: 'Puheenjohtaja'
		}
	])
		expectOk(await addAgendaItem(db, coordinator, held.id, item), 'agenda');
	const seated = (await membersOf(db, body.id)).filter((m) => m.ends_on === null);
	expectOk(
		await recordAttendance(
			db,
			coordinator,
			held.id,
			seated.slice(0, 4).map((m) => m.id)
		),
		'attendance'
	);
	const draft = expectOk(
		await saveDraft(db, resident, {
			meetingId: held.id,
			statementId: null,
			body: 'Kotihoidon käyntiaikojen muutoksista on kerrottava asiakkaille vähintään kaksi viikkoa etukäteen, ja puhelinnumeron on oltava sama kuin ennen.'
		}),
		'draft'
	);
	expectOk(await decideStatement(db, coordinator, draft.id, 'approve'), 'approve');
	expectOk(
		await saveMinutes(
			db,
			coordinator,
			held.id,
			'Läsnä neljä jäsentä. Käsiteltiin kotihoidon käyntiaikojen muutos ja sähköisen ajanvarauksen saavutettavuus. Neuvosto antoi lausunnon kotihoidon muutoksista.'
		),
		'minutes'
	);
	expectOk(await closeMeeting(db, coordinator, held.id), 'close');

	// The next meeting, with material and a staff request accepted onto its agenda.
	const next = expectOk(
		await createMeeting(db, coordinator, body.id, {
			day: addDays(today, 21),
			time: '14:00',
			place: 'Tampereen keskustan palvelukeskus, kokoushuone 2',
			onlineUrl: 'https://teams.example.fi/vanhusneuvosto'
		}),
		'next meeting'
	);
	expectOk(
		await addAgendaItem(db, coordinator, next.id, {
			service: 'Liikkumisen tuki',
			question: 'Asiointiliikenteen reitit 2027',
			broughtBy: 'Liikkumispalvelut'
		}),
		'next agenda'
	);
	expectOk(
		await addMaterial(db, coordinator, next.id, {
			title: 'Asiointiliikenteen reittiluonnos (PDF)',
			url: 'https://www.pirha.fi/'
		}),
		'material'
	);
	const asked = expectOk(
		await createRequest(db, staff, {
			bodyId: body.id,
			topic: 'Hervannan terveysaseman aulan opasteet',
			description: 'Löytävätkö ikäihmiset perille uusien opasteiden avulla?'
		}),
		'request'
	);
	expectOk(await acceptRequest(db, coordinator, ORIGIN, asked.id, next.id), 'accept');
	expectOk(
		await createRequest(db, staff, {
			bodyId: body.id,
			topic: 'Neuvolan iltavastaanotot',
			description: 'Sopiiko aihe vanhusneuvostolle vai perheiden asiakasraadille?'
		}),
		'open request'
	);
}
