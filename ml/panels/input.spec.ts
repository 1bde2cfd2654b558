import { describe, expect, it } from 'vitest';
import { parseQuotasCsv, parseVolunteersCsv } from './csv';
import { diagnose } from './diagnose';
import { PanelInputError, buildInstance } from './instance';
import { proposeReplacement } from './replace';
import type { PanelSpec } from './types';

const problems = (f: () => unknown): string[] => {
	try {
		f();
	} catch (e) {
		if (e instanceof PanelInputError) return e.problems;
		throw e;
	}
	throw new Error('no error');
};

const VOL = 'id,gender,age\na,f,young\nb,f,old\nc,m,young\nd,m,old\n';
const QUO = 'category,value,min,max\ngender,f,1,2\ngender,m,1,2\nage,young,1,2\nage,old,1,2\n';

describe('CSV input', () => {
	it('reads the three quota header styles and flex columns', () => {
		const a = parseQuotasCsv(QUO);
		const b = parseQuotasCsv(QUO.replace('category,value', 'feature,value'));
		const c = parseQuotasCsv(QUO.replace('category,value', 'Category,Name'));
		const strip = (qs: typeof a) =>
			qs.map(({ category, value, min, max }) => ({ category, value, min, max }));
		expect(strip(b)).toEqual(strip(a));
		expect(strip(c)).toEqual(strip(a));
		const flex = parseQuotasCsv('feature,value,min,max,min_flex,max_flex\ngender,f,1,2,0,3\n');
		expect(flex[0]).toMatchObject({ min: 1, max: 2, minFlex: 0, maxFlex: 3 });
		const semi = parseQuotasCsv(QUO.replaceAll(',', ';'));
		expect(strip(semi)).toEqual(strip(a));
	});

	it('names the row or quota at fault', () => {
		const quotas = parseQuotasCsv(QUO);
		expect(
			problems(() =>
				buildInstance({
					volunteers: parseVolunteersCsv(VOL.replace('c,m', 'a,m'), quotas),
					quotas,
					size: 2
				})
			)
		).toEqual(["volunteers.csv line 4: duplicate id 'a' (first at volunteers.csv line 2)"]);
		expect(problems(() => parseVolunteersCsv(VOL.replace('id,', 'key,'), quotas))[0]).toMatch(
			/no 'id' column/
		);
		expect(
			problems(() => parseVolunteersCsv(VOL, parseQuotasCsv(QUO + 'region,north,0,1\n')))
		).toEqual(["quotas.csv line 6: unknown category 'region': volunteers.csv has no such column"]);
		expect(problems(() => parseVolunteersCsv(VOL + 'e,f\n', quotas))).toEqual([
			'volunteers.csv line 6: 2 fields, but the header on line 1 has 3'
		]);
		expect(problems(() => parseQuotasCsv('category,value,min\ngender,f,1\n'))).toEqual([
			"quotas.csv: no 'max' column"
		]);
		expect(problems(() => parseQuotasCsv(QUO.replace('gender,f,1,2', 'gender,f,one,2')))).toEqual([
			"quotas.csv line 2: min 'one' is not a whole number ≥ 0"
		]);
		const vs = parseVolunteersCsv(VOL.replace('d,m,old', 'd,x,old'), quotas);
		expect(problems(() => buildInstance({ volunteers: vs, quotas, size: 2 }))[0]).toBe(
			"volunteers.csv line 5 (id d): gender 'x' has no quota (quotas list 'f', 'm')"
		);
	});

	it('refuses quotas that sum below the size or above the pool', () => {
		const volunteers = parseVolunteersCsv(VOL, parseQuotasCsv(QUO));
		const low = parseQuotasCsv(QUO.replace('gender,m,1,2', 'gender,m,0,1'));
		expect(problems(() => buildInstance({ volunteers, quotas: low, size: 4 }))).toContain(
			"quotas of 'gender': the maximums sum to 3, below the panel size 4"
		);
		const high = parseQuotasCsv(QUO.replace('age,old,1,2', 'age,old,3,3'));
		expect(problems(() => buildInstance({ volunteers, quotas: high, size: 3 }))).toEqual([
			"quotas of 'age': the minimums sum to 4, above the panel size 3",
			'quota age=old: min 3 but only 2 volunteers in the pool'
		]);
		expect(
			problems(() => buildInstance({ volunteers, quotas: parseQuotasCsv(QUO), size: 5 }))
		).toContain('panel size 5 is above the pool of 4 volunteers');
	});
});

describe('diagnose', () => {
	it('names the conflicting quota and by how much', async () => {
		// Both women are old, both men young: 2 women and 2 young on a panel of 2 cannot be.
		const spec: PanelSpec = {
			volunteers: [
				{ id: 'a', attributes: { g: 'f', age: 'old' } },
				{ id: 'b', attributes: { g: 'f', age: 'old' } },
				{ id: 'c', attributes: { g: 'm', age: 'young' } },
				{ id: 'd', attributes: { g: 'm', age: 'young' } }
			],
			quotas: [
				{ category: 'g', value: 'f', min: 2, max: 2 },
				{ category: 'g', value: 'm', min: 0, max: 2 },
				{ category: 'age', value: 'young', min: 2, max: 2 },
				{ category: 'age', value: 'old', min: 0, max: 2 }
			],
			size: 2
		};
		const d = await diagnose(buildInstance(spec));
		expect(d.feasible).toBe(false);
		if (d.feasible) return;
		// Lowering g=f by 2 costs 2·(1 + 2/2) = 4, as does age=young; one of the two (either is minimal).
		expect(d.relaxations).toHaveLength(1);
		expect(d.relaxations[0]).toMatchObject({ bound: 'min', from: 2, to: 0 });
		const ok = await diagnose(
			buildInstance({ ...spec, quotas: spec.quotas.map((q) => ({ ...q, min: 0 })) })
		);
		expect(ok.feasible).toBe(true);
	});
});

describe('replacement', () => {
	it('proposes the candidate that keeps the quotas, by lot among equals', () => {
		const inst = buildInstance({
			volunteers: [
				{ id: 'a', attributes: { g: 'f' } },
				{ id: 'b', attributes: { g: 'm' } },
				{ id: 'c', attributes: { g: 'f' } },
				{ id: 'd', attributes: { g: 'f' } },
				{ id: 'e', attributes: { g: 'm' } }
			],
			quotas: [
				{ category: 'g', value: 'f', min: 1, max: 1 },
				{ category: 'g', value: 'm', min: 1, max: 1 }
			],
			size: 2
		});
		const r = proposeReplacement(inst, ['a', 'b'], 'a', 'seed-1');
		expect(['c', 'd']).toContain(r.id);
		expect(r).toMatchObject({ violation: 0, tied: 2 });
		expect(proposeReplacement(inst, ['a', 'b'], 'a', 'seed-1')).toEqual(r);
		expect(proposeReplacement(inst, ['a', 'b'], 'a', 'x', ['c', 'd'])).toMatchObject({
			id: 'e',
			violation: 2
		});
	});
});
