/**
 * Realistic bulk data for the read benchmarks: N responses over the past year across all units
 * and channels, NPS skewed towards high scores as in real Finnish health-care feedback, base
 * statements with some "en osaa sanoa", an open answer in about one in seven. Inserted with
 * set-based SQL in chunks, then the daily rollups are rebuilt from the raw rows (the same
 * idempotent job the portal uses).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db';
import { rebuildRollups } from '../../src/lib/server/feedback';

export async function generateResponses(db: Kysely<DB>, total: number, chunk = 500_000) {
	const t0 = performance.now();
	const survey = await db
		.selectFrom('feedback_survey')
		.select(['id', 'current_version_id'])
		.where('code', '=', 'thl-national')
		.executeTakeFirstOrThrow();
	for (let start = 0; start < total; start += chunk) {
		const end = Math.min(total, start + chunk);
		await sql`
			with u as (select array_agg(id order by id) ids, array_agg(service_line_id order by id) lines from unit),
			g as (
				select g, 1 + (abs(hashint4(g)) % array_length(u.ids, 1)) as ui,
					least(10, floor(sqrt(random()) * 11))::int as nps, random() as r
				from generate_series(${start + 1}::int, ${end}::int) g, u
			)
			insert into feedback_response
				(client_id, survey_id, survey_version_id, unit_id, service_line_id, channel, nps, answers, open_text, answered_at)
			select 'gen-' || g, ${survey.id}, ${survey.current_version_id}, u.ids[ui], u.lines[ui],
				(array['web','web','qr','kiosk','sms','import'])[1 + (g % 6)], nps,
				jsonb_build_object('nps', nps,
					's1', greatest(1, least(5, round(nps / 2.2 + random())))::int,
					's2', case when r < 0.1 then to_jsonb('dk'::text) else to_jsonb(greatest(1, least(5, round(nps / 2.2 + random())))::int) end,
					's3', greatest(1, least(5, round(nps / 2.5 + random() * 1.5)))::int,
					's4', case when r > 0.85 then to_jsonb('dk'::text) else to_jsonb(greatest(1, least(5, round(nps / 2.6 + random() * 1.5)))::int) end,
					's5', greatest(1, least(5, round(nps / 2.2 + random())))::int,
					's6', greatest(1, least(5, round(nps / 2.4 + random())))::int),
				case when g % 7 = 0 then 'Odotusaika oli pitkä, mutta henkilökunta oli ystävällistä.' end,
				now() - (random() * interval '365 days')
			from g, u`.execute(db);
		process.stdout.write(`  … ${end} rows\n`);
	}
	const insertSecs = ((performance.now() - t0) / 1000).toFixed(0);
	const t1 = performance.now();
	const days = await sql<{ lo: string; hi: string }>`
		select min((answered_at at time zone 'Europe/Helsinki')::date)::text lo,
			max((answered_at at time zone 'Europe/Helsinki')::date)::text hi from feedback_response`.execute(
		db
	);
	await rebuildRollups(db, days.rows[0].lo, days.rows[0].hi);
	await sql`analyze feedback_response`.execute(db);
	await sql`analyze feedback_rollup_daily`.execute(db);
	const rollupRows = Number(
		(
			await db
				.selectFrom('feedback_rollup_daily')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
	return { insertSecs, rollupSecs: ((performance.now() - t1) / 1000).toFixed(0), rollupRows };
}
