/**
 * Synthetic volunteer pools for the panel benchmark: a population with correlated attributes
 * over 8 categories (age band, gender, area, mother tongue, education, employment, housing,
 * health-service use), the volunteers a self-selected subsample of it (older, more educated,
 * Finnish-speaking residents answer more often, as mailed invitations find), and quotas from
 * the population shares: for a share s of a panel of k, round(s·k) ± max(1, 10 %).
 */
import { seededRng, type Rng } from '../../ml/panels/prng';
import type { Quota, Volunteer } from '../../ml/panels/types';

type Dist = [string, number][];

function pick(rng: Rng, d: Dist): string {
	const total = d.reduce((s, [, w]) => s + w, 0);
	let u = rng.float() * total;
	for (const [v, w] of d) {
		u -= w;
		if (u < 0) return v;
	}
	return d[d.length - 1][0];
}

const AGE: Dist = [
	['18-24', 10],
	['25-34', 16],
	['35-44', 16],
	['45-54', 15],
	['55-64', 16],
	['65-74', 15],
	['75+', 12]
];
const AREA: Dist = [
	['Tampere', 32],
	['Nokia', 6],
	['Ylöjärvi', 5],
	['Kangasala', 5],
	['Lempäälä', 4],
	['Pirkkala', 3],
	['Valkeakoski', 4],
	['north', 14],
	['south', 14],
	['west', 13]
];

function person(rng: Rng): Record<string, string> {
	const age = pick(rng, AGE);
	const old = age === '65-74' || age === '75+';
	const young = age === '18-24';
	const area = pick(rng, AREA);
	const rural = area === 'north' || area === 'south' || area === 'west';
	const gender = pick(rng, [
		['female', age === '75+' ? 58 : 50],
		['male', age === '75+' ? 41 : 49],
		['other', 1]
	]);
	const tongue = pick(rng, [
		['fi', area === 'west' ? 85 : 92],
		['sv', area === 'west' ? 10 : 1],
		['other', rural ? 3 : young ? 10 : 7]
	]);
	const education = pick(rng, [
		['basic', old ? 40 : young ? 30 : 12],
		['secondary', old ? 38 : young ? 60 : 45],
		['tertiary', old ? 22 : young ? 10 : rural ? 33 : 43]
	]);
	const employment = pick(rng, [
		['employed', old ? 4 : young ? 40 : 72],
		['student', young ? 50 : age === '25-34' ? 10 : 1],
		['retired', old ? 95 : age === '55-64' ? 18 : 0.5],
		['unemployed', old ? 0.5 : 9],
		['other', old ? 0.5 : 7]
	]);
	const housing = pick(rng, [
		['owner', young ? 15 : education === 'tertiary' ? 70 : rural ? 75 : 55],
		['renter', young ? 80 : rural ? 22 : 42],
		['other', 3]
	]);
	const services = pick(rng, [
		['weekly', old ? 20 : 5],
		['monthly', old ? 40 : 20],
		['rarely', old ? 40 : 75]
	]);
	return { age, gender, area, tongue, education, employment, housing, services };
}

/** Self-selection: the chance that a resident with these attributes volunteers (relative). */
function propensity(p: Record<string, string>): number {
	let w = 1;
	w *=
		{
			'18-24': 0.45,
			'25-34': 0.7,
			'35-44': 0.9,
			'45-54': 1,
			'55-64': 1.3,
			'65-74': 1.6,
			'75+': 0.9
		}[p.age] ?? 1;
	w *= { basic: 0.5, secondary: 0.9, tertiary: 1.8 }[p.education] ?? 1;
	w *= { fi: 1, sv: 0.8, other: 0.4 }[p.tongue] ?? 1;
	w *= p.employment === 'unemployed' ? 0.6 : 1;
	return w;
}

export const CATEGORIES = [
	'age',
	'gender',
	'area',
	'tongue',
	'education',
	'employment',
	'housing',
	'services'
];

export interface GeneratedPool {
	volunteers: Volunteer[];
	quotas: Quota[];
	size: number;
}

export function generatePool(
	opts: { volunteers?: number; size?: number; seed?: string } = {}
): GeneratedPool {
	const n = opts.volunteers ?? 2000;
	const k = opts.size ?? 100;
	const rng = seededRng(opts.seed ?? 'bench-panels');
	// Population shares from a large sample of the population model.
	const shares = new Map<string, Map<string, number>>(CATEGORIES.map((c) => [c, new Map()]));
	const popN = 100_000;
	for (let i = 0; i < popN; i++) {
		const p = person(rng);
		for (const c of CATEGORIES)
			shares.get(c)!.set(p[c], (shares.get(c)!.get(p[c]) ?? 0) + 1 / popN);
	}
	const volunteers: Volunteer[] = [];
	const maxW = 1.6 * 1.8;
	while (volunteers.length < n) {
		const p = person(rng);
		if (rng.float() * maxW < propensity(p))
			volunteers.push({ id: `v${String(volunteers.length + 1).padStart(4, '0')}`, attributes: p });
	}
	const quotas: Quota[] = [];
	for (const c of CATEGORIES) {
		const values = [...shares.get(c)!.entries()].sort((a, b) => b[1] - a[1]);
		for (const [value, s] of values) {
			const target = s * k;
			const slack = Math.max(1, 0.1 * target);
			quotas.push({
				category: c,
				value,
				min: Math.max(0, Math.floor(target - slack)),
				max: Math.ceil(target + slack)
			});
		}
	}
	return { volunteers, quotas, size: k };
}

/** The pool and quotas as the command line's CSV files. */
export function toCsv(pool: GeneratedPool): { volunteers: string; quotas: string } {
	const head = ['id', ...CATEGORIES];
	const volunteers = [
		head.join(','),
		...pool.volunteers.map((v) => [v.id, ...CATEGORIES.map((c) => v.attributes[c])].join(','))
	].join('\n');
	const quotas = [
		'category,value,min,max',
		...pool.quotas.map((q) => [q.category, q.value, q.min, q.max].join(','))
	].join('\n');
	return { volunteers: volunteers + '\n', quotas: quotas + '\n' };
}
