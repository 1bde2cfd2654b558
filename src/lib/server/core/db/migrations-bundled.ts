/** Migrations bundled into the app by Vite, so the built server needs no source files. */
import type { Migration } from 'kysely';
import { migrationsFromGlob } from './migrations';

export const bundledMigrations = migrationsFromGlob(
	import.meta.glob<Migration>('/migrations/*.ts', { eager: true })
);
