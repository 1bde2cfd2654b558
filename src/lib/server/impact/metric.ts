/**
 * The participation metric (issue 12): the figures of the leaders' dashboard and of the public
 * summary, each defined on the page that shows it (impact.metric.* messages). Computed from the
 * tracker's own rows only, so every module's activities count the same way.
 *
 * - Activities and participants per service line and quarter: an activity counts in the
 *   quarter it started and once in each of its service lines; participants = its "took part".
 * - Headline: the share of findings (withdrawn ones left out) whose status now is decided, being
 *   implemented or implemented.
 * - Median days from a finding to its first response (the first status after "received") and
 *   to its outcome (the first "implemented" or "not taken forward"), over findings that have one.
 * - Reach: participants by group as they were when they took part: the figures the source or
 *   organiser gave (`by_group`), or else the pool members who accepted, frozen at their answer
 *   (participants.ts); set against the population shares the pool holds
 *   (`reachAgainstPopulation`, passed in by the page: the tracker never reads the pool's tables).
 * - Felt heard: the share of "felt heard" answers (1–5, heard.service.ts) that are 4 or 5, over
 *   the activities counted (by the year the activity started).
 */
import { sql } from 'kysely';
import type { ImpactExecutor } from './impact.db';
import {
	CHANGE_STATUSES,
	GROUP_DIMENSIONS,
	HEARD_FROM,
	OUTCOME_STATUSES,
	SMALL_GROUP,
	readGroup,
	type GroupDimension
} from './impact.types';
import { maskSmall } from './impact.queries';
import { participantsOf, participation } from './participants';

export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface MetricFigures {
	findings: number;
	changed: number;
	/** changed / findings, null without findings. */
	changedShare: number | null;
	byStatus: Record<string, number>;
	medianDaysToFirstResponse: number | null;
	respondedFindings: number;
	medianDaysToOutcome: number | null;
	outcomeFindings: number;
	activities: number;
	participants: number;
	perLineQuarter: {
		serviceLineId: number | null;
		name_fi: string | null;
		name_sv: string | null;
		name_en: string | null;
		quarter: string;
		activities: number;
		participants: number;
	}[];
	reach: { group: string; participants: number }[];
	/** The "felt heard" answers (1–5) of the activities counted; heard = answers of HEARD_FROM or more. */
	heard: { answers: number; heard: number; share: number | null; byScore: Record<string, number> };
}

export async function participationMetric(
	db: ImpactExecutor,
	opts: { year?: number | null } = {}
): Promise<MetricFigures> {
	const year = opts.year ?? null;
	let findings = db
		.selectFrom('impact_finding as f')
		.select(['f.id', 'f.status', sql<string>`to_char(f.recorded_on, 'YYYY-MM-DD')`.as('recorded')])
		.where('f.withdrawn_at', 'is', null);
	if (year) findings = findings.where(sql<number>`extract(year from f.recorded_on)`, '=', year);
	const rows = await findings.execute();
	const ids = rows.map((r) => r.id);
	const byStatus: Record<string, number> = {};
	for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
	const changed = rows.filter((r) => CHANGE_STATUSES.includes(r.status)).length;

	const firsts = ids.length
		? await db
				.selectFrom('impact_response as r')
				.innerJoin('impact_finding as f', 'f.id', 'r.finding_id')
				.select((eb) => [
					'r.finding_id',
					sql<
						number | null
					>`min(r.effective_on - f.recorded_on) filter (where r.status <> 'received')`.as('first'),
					sql<
						number | null
					>`min(r.effective_on - f.recorded_on) filter (where r.status in (${sql.join(
						OUTCOME_STATUSES.map((s) => sql.lit(s))
					)}))`.as('outcome'),
					eb.fn.countAll<number>().as('n')
				])
				.where('r.finding_id', 'in', ids)
				.groupBy('r.finding_id')
				.execute()
		: [];
	const first = firsts.flatMap((r) => (r.first === null ? [] : [Number(r.first)]));
	const outcome = firsts.flatMap((r) => (r.outcome === null ? [] : [Number(r.outcome)]));

	let acts = db
		.selectFrom('impact_activity as a')
		.leftJoin('impact_activity_service_line as l', 'l.activity_id', 'a.id')
		.leftJoin('service_line as s', 's.id', 'l.service_line_id')
		.select([
			'a.id',
			'a.source_type',
			'a.source_id',
			'a.took_part',
			'a.by_group',
			's.id as line_id',
			's.name_fi',
			's.name_sv',
			's.name_en',
			's.sort_order',
			sql<string>`to_char(a.starts_on, 'YYYY-"Q"Q')`.as('quarter')
		]);
	if (year) acts = acts.where(sql<number>`extract(year from a.starts_on)`, '=', year);
	const actRows = await acts.execute();
	const frozen = await participantsOf(db, actRows);
	const cells = new Map<string, MetricFigures['perLineQuarter'][number] & { sort: number }>();
	const seen = new Map<number, { took: number; groups: Record<string, number> }>();
	for (const a of actRows) {
		const p = participation(a, frozen(a));
		seen.set(a.id, { took: p.tookPart ?? 0, groups: p.byGroup });
		const key = `${a.line_id ?? 0} ${a.quarter}`;
		const c = cells.get(key) ?? {
			serviceLineId: a.line_id,
			name_fi: a.name_fi,
			name_sv: a.name_sv,
			name_en: a.name_en,
			quarter: a.quarter,
			activities: 0,
			participants: 0,
			sort: a.sort_order ?? 1e9
		};
		c.activities++;
		c.participants += p.tookPart ?? 0;
		cells.set(key, c);
	}
	let heardQ = db
		.selectFrom('impact_heard as h')
		.innerJoin('impact_activity as a', 'a.id', 'h.activity_id')
		.select((eb) => ['h.score', eb.fn.countAll<number>().as('n')])
		.groupBy('h.score');
	if (year) heardQ = heardQ.where(sql<number>`extract(year from a.starts_on)`, '=', year);
	const byScore: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
	for (const r of await heardQ.execute()) byScore[String(r.score)] = Number(r.n);
	const answers = Object.values(byScore).reduce((s, n) => s + n, 0);
	const heardN = Object.entries(byScore)
		.filter(([score]) => Number(score) >= HEARD_FROM)
		.reduce((s, [, n]) => s + n, 0);
	const reach = new Map<string, number>();
	for (const a of seen.values())
		for (const [g, n] of Object.entries(a.groups)) reach.set(g, (reach.get(g) ?? 0) + Number(n));

	return {
		findings: rows.length,
		changed,
		changedShare: rows.length ? changed / rows.length : null,
		byStatus,
		medianDaysToFirstResponse: median(first),
		respondedFindings: first.length,
		medianDaysToOutcome: median(outcome),
		outcomeFindings: outcome.length,
		activities: seen.size,
		participants: [...seen.values()].reduce((s, a) => s + a.took, 0),
		perLineQuarter: [...cells.values()]
			.sort((a, b) => a.quarter.localeCompare(b.quarter) || a.sort - b.sort)
			.map(({ sort: _sort, ...c }) => c),
		reach: [...reach]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([group, participants]) => ({ group, participants })),
		heard: {
			answers,
			heard: heardN,
			share: answers ? heardN / answers : null,
			byScore
		}
	};
}

/**
 * One activity's "felt heard" figure for its public page: the answers (1–5) to the question
 * asked after it, the number of 4–5 answers and their share. Under SMALL_GROUP answers the counts
 * show as "< 5" and no share is given, as on the metric page.
 */
export async function activityHeard(
	db: ImpactExecutor,
	activityId: number
): Promise<{ answers: number | string; heard: number | string; share: number | null }> {
	const r = await db
		.selectFrom('impact_heard')
		.select((eb) => [
			eb.fn.countAll<number>().as('answers'),
			eb.fn.count<number>(sql`case when score >= ${HEARD_FROM} then 1 end`).as('heard')
		])
		.where('activity_id', '=', activityId)
		.executeTakeFirstOrThrow();
	const answers = Number(r.answers);
	const heard = Number(r.heard);
	if (answers < SMALL_GROUP)
		return { answers: maskSmall(answers)!, heard: maskSmall(heard)!, share: null };
	return { answers, heard, share: heard / answers };
}

/**
 * The metric as the pages show it: service-line names in the reader's language, small reach
 * groups masked, reach set against the pool's population figures when the page passes them.
 */
export function metricView(
	m: MetricFigures,
	locale: 'fi' | 'sv' | 'en',
	noLine: string,
	population: readonly PopulationFigure[] = []
) {
	return {
		...m,
		reachVsPopulation: reachAgainstPopulation(m.reach, population),
		// Under SMALL_GROUP answers: no share and no distribution (they would show single answers).
		heard:
			m.heard.answers < SMALL_GROUP
				? {
						answers: maskSmall(m.heard.answers)!,
						heard: maskSmall(m.heard.heard)!,
						share: null,
						byScore: null
					}
				: { ...m.heard, byScore: m.heard.byScore as Record<string, number> | null },
		perLineQuarter: m.perLineQuarter.map((c) => ({
			line: c.name_fi
				? (locale === 'sv' ? c.name_sv : locale === 'en' ? c.name_en : null) || c.name_fi
				: noLine,
			quarter: c.quarter,
			activities: c.activities,
			participants: c.participants
		})),
		reach: m.reach.map((r) => ({ group: r.group, participants: maskSmall(r.participants)! }))
	};
}

/** A population figure as the pool holds it (public statistics, imported by an admin). */
export interface PopulationFigure {
	dimension: string;
	value: string;
	population: number;
	source: string;
	year: number;
	illustrative: boolean;
}

export interface ReachRow {
	value: string;
	/** "< 5" under SMALL_GROUP. */
	participants: number | string;
	/** Of the participants whose group in this dimension is known, 0…1; null when masked. */
	participantShare: number | null;
	populationShare: number | null;
	/** participantShare − populationShare in percentage points; null when either is unknown. */
	gap: number | null;
}

export interface ReachTable {
	dimension: GroupDimension;
	/** Participants whose group in this dimension is known ("< 5" when few). */
	known: number | string;
	rows: ReachRow[];
	sources: { source: string; year: number; illustrative: boolean }[];
}

/**
 * Reach against the population: per dimension (municipality, age band, gender, language), who
 * took part — as the sources froze it at participation — next to the population shares the pool
 * holds. Shares are of the participants whose group is known. A group of fewer than SMALL_GROUP
 * participants shows "< 5" and no share (the share would give the count away), and a dimension
 * with fewer than SMALL_GROUP known participants shows no shares at all.
 */
export function reachAgainstPopulation(
	reach: readonly { group: string; participants: number }[],
	population: readonly PopulationFigure[]
): ReachTable[] {
	const out: ReachTable[] = [];
	for (const dimension of GROUP_DIMENSIONS) {
		const counts = new Map<string, number>();
		for (const r of reach) {
			const g = readGroup(r.group);
			if (g?.dimension === dimension)
				counts.set(g.value, (counts.get(g.value) ?? 0) + r.participants);
		}
		const pop = population.filter((p) => p.dimension === dimension);
		if (counts.size === 0 && pop.length === 0) continue;
		const known = [...counts.values()].reduce((s, n) => s + n, 0);
		const popTotal = pop.reduce((s, p) => s + p.population, 0);
		const values = [...new Set([...pop.map((p) => p.value), ...counts.keys()])].sort();
		const rows = values.map((value) => {
			const n = counts.get(value) ?? 0;
			const p = pop.find((x) => x.value === value);
			const shown = n === 0 || n >= SMALL_GROUP;
			const participantShare = known >= SMALL_GROUP && shown ? n / known : null;
			const populationShare = p && popTotal ? p.population / popTotal : null;
			return {
				value,
				participants: n > 0 && n < SMALL_GROUP ? `< ${SMALL_GROUP}` : n,
				participantShare,
				populationShare,
				gap:
					participantShare === null || populationShare === null
						? null
						: Math.round((participantShare - populationShare) * 1000) / 10
			};
		});
		out.push({
			dimension,
			known: known > 0 && known < SMALL_GROUP ? `< ${SMALL_GROUP}` : known,
			rows,
			sources: [
				...new Map(
					pop.map((p) => [
						`${p.source}|${p.year}`,
						{ source: p.source, year: p.year, illustrative: p.illustrative }
					])
				).values()
			]
		});
	}
	return out;
}
