/** The pool's speed targets, measured on PGlite and on PostgreSQL (a throwaway local cluster). */
import { sql } from 'kysely';
import { createDatabase } from '../../src/lib/server/core/db/database';
import type { DB, Db } from '../../src/lib/server/db';
import { migrateToLatest } from '../../src/lib/server/core/db/migrations';
import { migrationsFromDisk } from '../../src/lib/server/core/db/migrations-from-disk';
import { seedReferenceData } from '../../src/lib/server/core/org';
import {
	searchMembers,
	representation,
	createInvitation,
	checkMemberCsv,
	type MemberFilters
} from '../../src/lib/server/pool';
import { startThrowawayPostgres } from '../../tests/helpers/throwaway-postgres';
import { mailBench } from './mail';

const MEMBERS = 100_000;

async function seedMembers(db: Db) {
	// Deterministic spread over every attribute; one in ten has background answer s1 (the 10 000 invited).
	await sql`
		insert into pool_member (email, name, phone, municipality_code, birth_year, gender, mother_tongue,
			locale, service_line_ids, modes, background, status, consent_version, consent_at, confirmed_at)
		select 'member' || i || '@bench.example', 'Jäsen ' || i, '+35840' || i,
			(array(select code from municipality order by code))[1 + i % 23],
			1930 + i % 80,
			(array['female','male','other','no_answer'])[1 + i % 4],
			(array['fi','fi','fi','fi','fi','fi','fi','fi','sv','other'])[1 + i % 10],
			'fi',
			array[1 + i % 7, 1 + (i / 7) % 7],
			case i % 3 when 0 then array['online'] when 1 then array['in_person'] else array['online','phone'] end,
			case when i % 10 = 0 then '{"1":"s1"}'::jsonb else jsonb_build_object('1', 's' || (2 + i % 3)) end,
			case when i % 50 = 1 then 'paused' else 'active' end,
			'bench', now(), now()
		from generate_series(1, ${MEMBERS}) as g(i)`.execute(db);
	await sql`analyze pool_member`.execute(db);
}

function stats(ms: number[]) {
	const s = [...ms].sort((a, b) => a - b);
	return {
		median: s[Math.floor(s.length / 2)],
		p95: s[Math.floor(s.length * 0.95)],
		max: s[s.length - 1]
	};
}

const f = (n: number) => n.toFixed(1);

async function timeIt(run: () => Promise<unknown>, times = 15) {
	await run(); // warm
	const out: number[] = [];
	for (let i = 0; i < times; i++) {
		const t0 = performance.now();
		await run();
		out.push(performance.now() - t0);
	}
	return stats(out);
}

async function searchBench(db: Db, label: string) {
	const cases: [string, MemberFilters][] = [
		['no filter (page 1 + total)', {}],
		['municipality Tampere', { municipality: ['837'] }],
		['age 65-74 + female + sv', { ageBand: ['65-74'], gender: ['female'], language: ['sv'] }],
		['service line 3 + online', { serviceLine: [3], mode: ['online'] }],
		['text search "jäsen 4242"', { q: 'jäsen 4242' }],
		['background s1 + status active', { background: { '1': ['s1'] }, status: ['active'] }],
		[
			'everything at once',
			{
				municipality: ['837', '536'],
				ageBand: ['30-44', '45-64'],
				gender: ['female', 'other'],
				language: ['fi'],
				serviceLine: [1, 2],
				mode: ['online'],
				status: ['active'],
				background: { '1': ['s2', 's3'] }
			}
		]
	];
	console.log(`\n[${label}] search over ${MEMBERS} members (ms: median / p95 / max)`);
	for (const [name, filters] of cases) {
		const s = await timeIt(() => searchMembers(db, filters, { limit: 50 }));
		console.log(`  ${name.padEnd(34)} ${f(s.median)} / ${f(s.p95)} / ${f(s.max)}`);
	}
	const r = await timeIt(() => representation(db), 5);
	console.log(
		`  ${'representativeness (4 dimensions)'.padEnd(34)} ${f(r.median)} / ${f(r.p95)} / ${f(r.max)}`
	);
}

async function inviteBench(db: Db, label: string) {
	const user = await db
		.insertInto('app_user')
		.values({ email: `bench-${Date.now()}@x`, display_name: 'B' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const before = await db
		.selectFrom('mail_outbox')
		.select(sql<number>`count(*)`.as('n'))
		.executeTakeFirstOrThrow();
	const t0 = performance.now();
	const inv = await createInvitation(db, user.id, 'http://localhost:3000', {
		activityType: 'panel',
		title: 'Bench panel',
		messages: { fi: 'Tervetuloa', sv: 'Välkommen', en: 'Welcome' },
		replyDeadline: new Date(Date.now() + 7 * 86400000),
		filters: { background: { '1': ['s1'] } }
	});
	const ms = performance.now() - t0;
	const after = await db
		.selectFrom('mail_outbox')
		.select(sql<number>`count(*)`.as('n'))
		.executeTakeFirstOrThrow();
	console.log(
		`\n[${label}] invitation to ${inv.recipients} members queued in ${f(ms)} ms (${Number(after.n) - Number(before.n)} mails in the outbox)`
	);
	await db.deleteFrom('mail_outbox').execute();
}

async function csvBench(db: Db, label: string) {
	const lines = ['name,email,phone,municipality,birth_year,gender,mother_tongue,locale'];
	for (let i = 0; i < 50_000; i++)
		lines.push(
			`Henkilö Numero ${i} Pitkä Nimi Tässä Vielä Vähän Pidempi Kaksiosainen-Sukunimi,henkilo.numero.${i}.pitka.osoite.jossa.on.paljon.merkkeja@esimerkki-osoite.fi,+358 40 123 ${String(i).padStart(5, '0')},837,${1940 + (i % 60)},female,fi,fi`
		);
	lines[40_000] = lines[40_000].replace(',837,', ',000,');
	const text = lines.join('\n') + '\n';
	const t0 = performance.now();
	const r = await checkMemberCsv(db, text);
	console.log(
		`\n[${label}] CSV check: ${(text.length / 1e6).toFixed(1)} MB, 50 000 rows, ${r.errors.length} bad row(s) found in ${f(performance.now() - t0)} ms → ${r.ok ? 'accepted' : 'rejected whole'}`
	);
}

async function onBackend(label: string, db: Db, want: Set<string>) {
	await migrateToLatest(db, await migrationsFromDisk());
	await seedReferenceData(db);
	const t0 = performance.now();
	await seedMembers(db);
	console.log(`\n[${label}] seeded ${MEMBERS} members in ${f(performance.now() - t0)} ms`);
	if (want.has('search')) await searchBench(db, label);
	if (want.has('invite')) await inviteBench(db, label);
	if (want.has('csv')) await csvBench(db, label);
	if (want.has('mail')) await mailBench(db, label);
}

export async function main(args: string[]) {
	const named = args.filter((a) => !a.startsWith('--'));
	const want = new Set(named.length ? named : ['search', 'invite', 'csv', 'mail']);
	const lite = await createDatabase<DB>({ pgliteDataDir: 'memory://' });
	try {
		await onBackend('PGlite', lite, want);
	} finally {
		await lite.destroy();
	}
	if (args.includes('--pglite-only')) return;
	const pg = process.env.BENCH_DATABASE_URL ? null : await startThrowawayPostgres();
	const url = process.env.BENCH_DATABASE_URL ?? pg?.url;
	if (!url) {
		console.log('\nNo PostgreSQL available: skipped.');
		return;
	}
	const db = await createDatabase<DB>({ databaseUrl: url });
	try {
		await onBackend('PostgreSQL', db, want);
	} finally {
		await db.destroy();
		pg?.stop();
	}
}
