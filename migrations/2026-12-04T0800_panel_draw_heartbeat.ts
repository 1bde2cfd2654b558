/* A draw's process writes a heartbeat while it runs, so that a draw whose process died (a crash,
   a deploy, SIGKILL) does not stay "running" for ever: the draws job re-queues a running draw
   whose heartbeat is older than the lease (panels/draw.service.ts), and the same seed draws the
   same panel again. Draws already running when this lands get a heartbeat of now. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('panel').addColumn('draw_heartbeat_at', 'timestamptz').execute();
	await sql`update panel set draw_heartbeat_at = now() where draw_state = 'running'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('panel').dropColumn('draw_heartbeat_at').execute();
}
