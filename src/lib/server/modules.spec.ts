/**
 * The composition root's manifests are consistent with the rest of the portal: every key they
 * name has a message in every language, every role exists, job names are unique and carry their
 * module's name, and each activity type offered to the pool is one an invitation may carry.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/i18n';
import { keysOf } from '$lib/server/core/i18n/translate';
import { ROLES } from './core/auth/roles';
import { allJobs } from './core/runtime';
import { invitationSchema } from './pool';
import { MODULES, access, homeCards, linksFor, poolActivityTypes } from './modules';

const keys = new Map(LOCALES.map((l) => [l, new Set(keysOf(l))]));
const missing = (key: string) => LOCALES.filter((l) => !keys.get(l)!.has(key));

describe('module manifests', () => {
	it('have unique names and each a seeder, links and access rules under their own areas', () => {
		const names = MODULES.map((m) => m.name);
		expect(new Set(names).size).toBe(names.length);
		for (const m of MODULES) {
			expect(m.seedDemo, m.name).toBeTypeOf('function');
			for (const rule of m.access ?? [])
				expect(rule.prefix, m.name).toMatch(/^\/(staff|admin|account|api)\//);
		}
	});

	it('name roles that exist, and message keys every language has', () => {
		const used: string[] = [];
		for (const m of MODULES) {
			for (const r of m.roles ?? []) {
				expect(ROLES, m.name).toContain(r.role);
				used.push(r.labelKey);
			}
			for (const l of m.links ?? []) used.push(l.key, `${l.key}Text`);
			for (const a of m.activities ?? []) used.push(a.labelKey);
		}
		for (const c of homeCards) {
			used.push(c.titleKey, c.textKey, ...c.links.map((l) => l.key));
			if (c.noteKey) used.push(c.noteKey);
		}
		expect(used.filter((k) => missing(k).length > 0)).toEqual([]);
	});

	it('run each job once under a name that says whose it is', () => {
		const jobs = allJobs(MODULES);
		const jobNames = jobs.map((j) => j.name);
		expect(new Set(jobNames).size).toBe(jobNames.length);
		const prefixes = ['core', ...MODULES.map((m) => m.name)];
		for (const n of jobNames) expect(prefixes, n).toContain(n.split('.')[0]);
		expect(jobNames).toEqual(
			expect.arrayContaining(['core.retention', 'pool.retention', 'feedback.case-deadlines'])
		);
	});

	it('offer the pool only activity types an invitation may carry', () => {
		const allowed = invitationSchema.shape.activityType.options as readonly string[];
		expect(poolActivityTypes.map((a) => a.type)).toContain('conversation');
		for (const a of poolActivityTypes) expect(allowed).toContain(a.type);
	});

	it("merge the modules' access rules over core's areas", () => {
		expect(access.requirementFor('/staff/pool/import')).toEqual({
			kind: 'roles',
			roles: ['pool_coordinator']
		});
		expect(access.requirementFor('/staff/feedback/cases/[id]')).toEqual({
			kind: 'roles',
			roles: ['feedback_handler']
		});
		expect(access.requirementFor('/(public)/feedback/[unit]')).toEqual({ kind: 'public' });
	});

	it('give each workspace page the links of the modules, in the root order', () => {
		const admin = {
			id: 'a',
			email: 'a@example.com',
			displayName: 'A',
			locale: 'fi',
			roles: [{ role: 'admin' as const, serviceLineId: null, unitId: null }]
		};
		expect(linksFor('staff', admin).map((l) => l.href)).toEqual([
			'/staff/pool',
			'/staff/feedback',
			'/staff/conversations',
			'/staff/panels',
			'/staff/experts/requests',
			'/staff/experts',
			'/staff/councils',
			'/staff/impact',
			'/staff/text-analysis'
		]);
		expect(linksFor('admin', admin).map((l) => l.href)).toEqual([
			'/admin/people',
			'/admin/audit',
			'/admin/pool',
			'/admin/feedback',
			'/admin/fees',
			'/admin/text-analysis'
		]);
		expect(linksFor('account', admin).map((l) => l.href)).toContain('/account/fees');
		expect(linksFor('account', admin).map((l) => l.href)).toContain('/account/experts');
		expect(linksFor('account', admin).map((l) => l.href)).toContain('/account/panels');
	});
});
