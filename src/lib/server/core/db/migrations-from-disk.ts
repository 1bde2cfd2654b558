/** Loads /migrations from disk: for the `npm run migrate` script run by tsx. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Migration } from 'kysely';
import { migrationsFromGlob } from './migrations';

export async function migrationsFromDisk(folder = path.resolve('migrations')) {
	const files = (await fs.readdir(folder)).filter((f) => /\.[jt]s$/.test(f)).sort();
	const mods: Record<string, Migration> = {};
	for (const f of files)
		mods[f] = (await import(pathToFileURL(path.join(folder, f)).href)) as Migration;
	return migrationsFromGlob(mods);
}
