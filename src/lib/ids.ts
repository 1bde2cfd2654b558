/**
 * What an id in a URL or form looks like: row ids are PostgreSQL `integer`s (1 … INT4_MAX) or
 * `uuid`s. Shared by the route matchers (`src/params`, which also run in the browser, hence no
 * zod here) and the server's own checks.
 */

/** Largest PostgreSQL `integer`: ids and counts past it are refused here, not by the database. */
export const INT4_MAX = 2_147_483_647;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a uuid in its usual 8-4-4-4-12 hex form (what PostgreSQL's `uuid` accepts here). */
export function isUuid(raw: string | null | undefined): raw is string {
	return raw != null && UUID.test(raw);
}

/** A parameter as an int4 id, or null. */
export function parseInt4Id(raw: string | null | undefined): number | null {
	if (raw == null || !/^\d{1,10}$/.test(raw)) return null;
	const n = Number(raw);
	return n >= 1 && n <= INT4_MAX ? n : null;
}
