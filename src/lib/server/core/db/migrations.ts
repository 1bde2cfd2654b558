/**
 * Runs the migrations in /migrations with Kysely's Migrator. The provider is handed in because
 * the built server bundles migrations through Vite (import.meta.glob) while the CLI and tests
 * import the files from disk.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type MigrationModules = Record<string, Migration>;

export class RecordMigrationProvider implements MigrationProvider {
	constructor(private readonly modules: MigrationModules) {}
	async getMigrations(): Promise<Record<string, Migration>> {
		return this.modules;
	}
}

/** Turns `{'/migrations/2026-..._core.ts': module}` into `{'2026-..._core': module}`. */
export function migrationsFromGlob(glob: Record<string, Migration>): MigrationModules {
	const out: MigrationModules = {};
	for (const [file, mod] of Object.entries(glob)) {
		const name = file
			.split('/')
			.pop()!
			.replace(/\.[jt]s$/, '');
		out[name] = mod;
	}
	return out;
}

export async function migrateToLatest(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	modules: MigrationModules
): Promise<string[]> {
	const migrator = new Migrator({ db, provider: new RecordMigrationProvider(modules) });
	const { error, results } = await migrator.migrateToLatest();
	if (error) {
		const failed = results?.find((r) => r.status === 'Error');
		throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, {
			cause: error
		});
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
