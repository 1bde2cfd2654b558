/**
 * A resident's own panels: the volunteer rows that are theirs (by account, pool membership or
 * the e-mail of a mailed answer), each with the selection probability the draw gave them.
 */
import type { SessionUser } from '../core/auth/roles';
import { memberForUser, type PoolExecutor } from '../pool';
import type { PanelsDb } from './panels.db';
import { volunteerRowsOf } from './panels.queries';

export async function myVolunteers(db: PanelsDb, user: SessionUser) {
	const member = await memberForUser(db as unknown as PoolExecutor, user);
	return volunteerRowsOf(db, {
		userId: user.id,
		email: user.email,
		poolMemberId: member?.id ?? null
	});
}

/** The user's seat on one panel, or null: the workspace is for confirmed members only. */
export async function mySeat(db: PanelsDb, user: SessionUser, panelId: number) {
	const rows = (await myVolunteers(db, user)).filter((v) => v.panel_id === panelId);
	return rows.find((v) => v.state === 'confirmed') ?? null;
}
