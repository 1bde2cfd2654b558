/**
 * Fees per member and session (issue 13, "Fees and costs"), on the county's one fee schedule
 * (the fees module): each member present at a session gets the member's meeting fee, and travel
 * by km when given, as rows `('panel_session', <session id>)`. The coordinator's right is checked
 * here (the fees module trusts its caller); a session's fees are recorded once, all or none.
 */
import { FeeError, feesFor, recordFee, type FeeRow, type FeesExecutor, type FeesTx } from '../fees';
import type { SessionUser } from '../core/auth/roles';
import type { PanelsDb } from './panels.db';
import { attendanceOf, seatedOf, sessionsOf, type PanelRow } from './panels.queries';
import { audit } from './panels.service';
import { problem, type Result } from './access';

export const FEE_SOURCE = 'panel_session';

export function sessionFees(db: PanelsDb, sessionId: number): Promise<FeeRow[]> {
	return feesFor(db as unknown as FeesExecutor, {
		sourceType: FEE_SOURCE,
		sourceId: String(sessionId)
	});
}

export async function recordSessionFees(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	sessionId: number,
	form: { volunteerIds: readonly number[]; km: readonly string[] }
): Promise<Result<{ rows: number }>> {
	if (form.volunteerIds.length !== form.km.length) return problem('validation.invalid');
	const km = new Map<number, number>();
	form.volunteerIds.forEach((id, i) => {
		const v = Number(form.km[i].replace(',', '.') || '0');
		if (v > 0) km.set(id, v);
	});
	const session = (await sessionsOf(db, panel.id)).find((s) => s.id === sessionId);
	if (!session) return problem('panels.errors.unknownSession');
	if ((await sessionFees(db, sessionId)).length) return problem('panels.errors.feesRecorded');
	const present = new Set(await attendanceOf(db, sessionId));
	const members = (await seatedOf(db, panel.id)).filter((m) => present.has(m.id));
	if (!members.length) return problem('panels.errors.noAttendance');
	if ([...km.keys()].some((id) => !present.has(id))) return problem('panels.errors.unknownMember');
	try {
		const rows = await db.transaction().execute(async (trx) => {
			let n = 0;
			const base = {
				sourceType: FEE_SOURCE,
				sourceId: String(sessionId),
				eventOn: session.held_on,
				label: `${panel.question.slice(0, 200)} – ${session.title.slice(0, 90)}`
			};
			for (const m of members) {
				const payee = { payeeUserId: m.user_id, payeeName: m.name || m.ref };
				await recordFee(trx as unknown as FeesTx, user.id, {
					...base,
					...payee,
					kind: 'meeting_fee_member'
				});
				n++;
				const k = km.get(m.id) ?? 0;
				if (k > 0) {
					await recordFee(trx as unknown as FeesTx, user.id, {
						...base,
						...payee,
						kind: 'travel_km',
						quantity: k
					});
					n++;
				}
			}
			await audit(trx, user, 'panels.fees', panel.id, { session: sessionId, rows: n });
			return n;
		});
		return { ok: true, rows };
	} catch (e) {
		if (e instanceof FeeError)
			return problem(
				e.key,
				Object.fromEntries(Object.entries(e.details).map(([k, v]) => [k, String(v)]))
			);
		throw e;
	}
}
