/**
 * A refused form as the pages show it: superforms' field errors (i18n keys) as problems naming
 * their field. Plain data: the route returns it with `fail(400, …)`.
 */
import type { PanelProblem } from './access';

export function fieldProblems(errors: Record<string, unknown>): PanelProblem[] {
	const out: PanelProblem[] = [];
	for (const [field, v] of Object.entries(errors)) {
		const list = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v).flat() : [];
		for (const key of list) if (typeof key === 'string') out.push({ key, params: { field } });
	}
	return out.length ? out : [{ key: 'validation.invalid' }];
}
