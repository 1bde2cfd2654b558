/** Roles with their scope names, ready for display. */
import type { Executor } from '../db/database';
import type { RoleGrant } from './roles';

export interface RoleView {
	id?: number;
	role: string;
	scope:
		{ kind: 'all' } | { kind: 'line' | 'unit'; name_fi: string; name_sv: string; name_en: string };
}

export async function describeRoles(
	db: Executor,
	grants: (
		RoleGrant | { id: number; role: string; serviceLineId: number | null; unitId: number | null }
	)[]
): Promise<RoleView[]> {
	const lines = await db
		.selectFrom('service_line')
		.select(['id', 'name_fi', 'name_sv', 'name_en'])
		.execute();
	const units = await db
		.selectFrom('unit')
		.select(['id', 'name_fi', 'name_sv', 'name_en'])
		.execute();
	return grants.map((g) => {
		const id = 'id' in g ? g.id : undefined;
		if (g.unitId !== null) {
			const u = units.find((x) => x.id === g.unitId);
			if (u) return { id, role: g.role, scope: { kind: 'unit', ...u } };
		}
		if (g.serviceLineId !== null) {
			const l = lines.find((x) => x.id === g.serviceLineId);
			if (l) return { id, role: g.role, scope: { kind: 'line', ...l } };
		}
		return { id, role: g.role, scope: { kind: 'all' } };
	});
}
