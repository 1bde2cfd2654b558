/**
 * The verifiable draw (issue 13, "The draw is verifiable", "Infeasible quotas"):
 *
 * 1. check: the engine validates the volunteers and quotas and, when no panel meets every quota,
 *    says which quota to change and by how much (its `diagnose`), before anything is drawn;
 * 2. commit: the commitment (SHA-256 of the volunteer data, the quotas, the size and the
 *    algorithm, the engine's `commitment`) and the rule that will fix the seed are published;
 *    volunteers and quotas are frozen from then on;
 * 3. seed: the seed is entered and stored, and the draw is queued;
 * 4. draw: LEXIMIN in the engine's worker thread (panel-draw.off-thread.ts), off the request;
 *    the result (probabilities, the drawn panel, the quota table) is stored in one transaction.
 *    The draw refuses to run when the data no longer hash to the published commitment.
 */
import { canonicalData, commitment, type PanelSpec } from '../../../../ml/panels';
import { recordAudit } from '../core/audit';
import type { SessionUser } from '../core/auth/roles';
import type { PanelsDb } from './panels.db';
import { getPanel, panelSpec, quotasOf, type PanelRow } from './panels.queries';
import { audit, isOpen } from './panels.service';
import { problem, type PanelProblem, type Result } from './access';
import { diagnoseOffThread, selectOffThread } from './panel-draw.off-thread';
import type { EngineFailure } from './panel-draw.port';
import { ALGORITHM } from './panels.types';

/** An engine failure as problems to show (the engine's own texts name the row or quota). */
export function failureProblems(f: EngineFailure): PanelProblem[] {
	if (f.kind === 'input')
		return f.problems.map((p) => ({ key: 'panels.errors.engine', params: { problem: p } }));
	if (f.kind === 'infeasible')
		return f.relaxations.map((r) => ({
			key: r.bound === 'min' ? 'panels.errors.lowerMin' : 'panels.errors.raiseMax',
			params: {
				category: r.category,
				value: r.value,
				from: r.from,
				to: r.to,
				by: Math.abs(r.to - r.from)
			}
		}));
	return [{ key: 'panels.errors.engineFailed', params: { problem: f.message } }];
}

async function specOf(db: PanelsDb, panel: PanelRow): Promise<Result<{ spec: PanelSpec }>> {
	const spec = await panelSpec(db, panel);
	if (!spec.quotas.length) return problem('panels.errors.noQuotas');
	if (spec.volunteers.length < panel.size)
		return problem('panels.errors.tooFewVolunteers', {
			volunteers: spec.volunteers.length,
			size: panel.size
		});
	return { ok: true, spec };
}

/** Whether some panel meets every quota; if not, which quotas to change and by how much. */
export async function checkQuotas(db: PanelsDb, panel: PanelRow): Promise<Result> {
	const s = await specOf(db, panel);
	if (!s.ok) return s;
	const r = await diagnoseOffThread(s.spec);
	if (!r.ok) return { ok: false, problems: failureProblems(r.failure) };
	if (r.op === 'diagnose' && !r.feasible)
		return {
			ok: false,
			problems: failureProblems({
				kind: 'infeasible',
				relaxations: r.relaxations,
				withinFlex: false
			})
		};
	return { ok: true };
}

/** Publishes the commitment and the seed rule; checks the quotas first. */
export async function commit(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	seedRule: string
): Promise<Result<{ commitment: string }>> {
	if (!isOpen(panel)) return problem('panels.errors.closed');
	const checked = await checkQuotas(db, panel);
	if (!checked.ok) return checked;
	const s = await specOf(db, panel);
	if (!s.ok) return s;
	const hash = commitment(s.spec, ALGORITHM);
	const done = await db.transaction().execute(async (trx) => {
		const r = await trx
			.updateTable('panel')
			.set({
				status: 'committed',
				commitment: hash,
				committed_at: new Date(),
				seed_rule: seedRule,
				updated_at: new Date()
			})
			.where('id', '=', panel.id)
			.where('status', '=', 'recruiting')
			.executeTakeFirst();
		if (Number(r.numUpdatedRows) !== 1) return false;
		await audit(trx, user, 'panels.commit', panel.id, { commitment: hash, seedRule });
		return true;
	});
	return done ? { ok: true, commitment: hash } : problem('panels.errors.closed');
}

/** Stores the seed and queues the draw (once: a stored seed is never replaced). */
export async function enterSeed(
	db: PanelsDb,
	user: SessionUser,
	panel: PanelRow,
	seed: string
): Promise<Result> {
	if (panel.status !== 'committed' || panel.seed !== null)
		return problem('panels.errors.seedTaken');
	const done = await db.transaction().execute(async (trx) => {
		const r = await trx
			.updateTable('panel')
			.set({ seed, draw_state: 'queued', draw_error: null, updated_at: new Date() })
			.where('id', '=', panel.id)
			.where('status', '=', 'committed')
			.where('seed', 'is', null)
			.executeTakeFirst();
		if (Number(r.numUpdatedRows) !== 1) return false;
		await audit(trx, user, 'panels.seed', panel.id, { seed });
		return true;
	});
	return done ? { ok: true } : problem('panels.errors.seedTaken');
}

/** Re-queues a failed draw (the same seed: a draw is repeated, never re-rolled). */
export async function retryDraw(db: PanelsDb, user: SessionUser, panel: PanelRow): Promise<Result> {
	if (panel.draw_state !== 'failed') return problem('panels.errors.notFailed');
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('panel')
			.set({ draw_state: 'queued' })
			.where('id', '=', panel.id)
			.execute();
		await audit(trx, user, 'panels.retry_draw', panel.id);
	});
	return { ok: true };
}

const running = new Map<number, Promise<void>>();

/** How often a running draw says it is alive, and how long without a word counts as dead. */
export const DRAW_HEARTBEAT_MS = 30_000;
export const DRAW_LEASE_MS = 5 * 60_000;

/**
 * Runs the queued draw of one panel (claimed, so a second process or job run skips it). Returns
 * when it is stored, or failed with its reason stored.
 */
export function runDraw(db: PanelsDb, panelId: number): Promise<void> {
	const already = running.get(panelId);
	if (already) return already;
	const p = drawNow(db, panelId).finally(() => running.delete(panelId));
	running.set(panelId, p);
	return p;
}

async function drawNow(db: PanelsDb, panelId: number): Promise<void> {
	const claim = await db
		.updateTable('panel')
		.set({ draw_state: 'running', draw_heartbeat_at: new Date() })
		.where('id', '=', panelId)
		.where('draw_state', '=', 'queued')
		.executeTakeFirst();
	if (Number(claim.numUpdatedRows) !== 1) return;
	// The engine runs in a worker thread, so this process's event loop stays free to beat.
	const beat = setInterval(() => {
		db.updateTable('panel')
			.set({ draw_heartbeat_at: new Date() })
			.where('id', '=', panelId)
			.where('draw_state', '=', 'running')
			.execute()
			.catch(() => {}); // a missed beat only shortens the lease; the next one retries
	}, DRAW_HEARTBEAT_MS);
	beat.unref();
	try {
		await drawClaimed(db, panelId);
	} finally {
		clearInterval(beat);
	}
}

async function drawClaimed(db: PanelsDb, panelId: number): Promise<void> {
	const panel = (await getPanel(db, panelId))!;
	const fail = (reason: string) =>
		db
			.updateTable('panel')
			.set({ draw_state: 'failed', draw_error: reason.slice(0, 2000) })
			.where('id', '=', panelId)
			.execute();
	try {
		const spec = await panelSpec(db, panel);
		if (commitment(spec, ALGORITHM) !== panel.commitment) {
			await fail('the data no longer match the published commitment');
			return;
		}
		const r = await selectOffThread(spec, panel.seed!);
		if (!r.ok) {
			await fail(
				failureProblems(r.failure)
					.map((p) => String(p.params?.problem ?? p.key))
					.join('; ')
			);
			return;
		}
		if (r.op !== 'select') return;
		const s = r.selection;
		const chosen = new Set(s.selected);
		await db.transaction().execute(async (trx) => {
			const vols = await trx
				.selectFrom('panel_volunteer')
				.select(['id', 'ref'])
				.where('panel_id', '=', panelId)
				.execute();
			for (const v of vols)
				await trx
					.updateTable('panel_volunteer')
					.set({
						probability: s.probabilities[v.ref] ?? 0,
						state: chosen.has(v.ref) ? 'selected' : 'in_pool'
					})
					.where('id', '=', v.id)
					.execute();
			await trx
				.updateTable('panel')
				.set({
					status: 'drawn',
					draw_state: 'done',
					algorithm: s.algorithm,
					engine: s.engine,
					distribution_hash: s.distributionHash,
					min_probability: s.minProbability,
					quota_table: JSON.stringify(s.quotaTable),
					drawn_at: new Date(),
					updated_at: new Date()
				})
				.where('id', '=', panelId)
				.execute();
			await recordAudit(trx, {
				actorUserId: null,
				action: 'panels.drawn',
				entityType: 'panel',
				entityId: panelId,
				details: { selected: s.selected.length, seed: s.seed }
			});
		});
	} catch (e) {
		await fail(e instanceof Error ? e.message : String(e));
	}
}

/**
 * The job: draws that are queued (a restart between seed and draw leaves one), after re-queuing
 * "running" draws whose process died (no heartbeat within the lease). The seed is stored, so the
 * repeated draw gives the same panel; the re-queue is audited.
 */
export async function runQueuedDraws(db: PanelsDb, leaseMs = DRAW_LEASE_MS): Promise<number> {
	const stale = await db
		.updateTable('panel')
		.set({ draw_state: 'queued' })
		.where('draw_state', '=', 'running')
		.where((eb) =>
			eb.or([
				eb('draw_heartbeat_at', 'is', null),
				eb('draw_heartbeat_at', '<', new Date(Date.now() - leaseMs))
			])
		)
		.returning('id')
		.execute();
	for (const p of stale)
		await recordAudit(db, {
			actorUserId: null,
			action: 'panels.draw_requeued',
			entityType: 'panel',
			entityId: p.id,
			details: { reason: 'no heartbeat within the lease' }
		});
	const queued = await db
		.selectFrom('panel')
		.select('id')
		.where('draw_state', 'in', ['queued'])
		.execute();
	for (const p of queued) await runDraw(db, p.id);
	return queued.length;
}

/** Waits for the draw up to `ms` (a small pool is drawn before the page answers). */
export async function awaitDraw(db: PanelsDb, panelId: number, ms: number): Promise<void> {
	await Promise.race([runDraw(db, panelId), new Promise((r) => setTimeout(r, ms))]);
}

/**
 * The published data behind the commitment: the engine's canonical text, whose SHA-256 is the
 * commitment (ids are the volunteers' pseudonyms, households pseudonyms of addresses).
 */
export async function publishedData(db: PanelsDb, panel: PanelRow): Promise<string | null> {
	if (!panel.commitment) return null;
	return canonicalData(await panelSpec(db, panel), ALGORITHM);
}

export { quotasOf };
