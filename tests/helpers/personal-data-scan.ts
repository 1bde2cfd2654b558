/**
 * Erasure tests: after erasing a person, search every column of every table (found through
 * information_schema, so a table added later is searched too) for anything that names them.
 * Every column is read as text, which covers text, json and arrays alike.
 */
import { sql, type Kysely } from 'kysely';

export interface Finding {
	table: string;
	column: string;
	needle: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function findPersonalData(db: Kysely<any>, needles: string[]): Promise<Finding[]> {
	const wanted = needles.filter((n) => n.trim().length > 0).map((n) => n.toLowerCase());
	const columns = await sql<{ table_name: string; column_name: string }>`
		select c.table_name, c.column_name
		from information_schema.columns c
		join information_schema.tables t
			on t.table_schema = c.table_schema and t.table_name = c.table_name
		where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
		order by c.table_name, c.ordinal_position`.execute(db);
	const byTable = new Map<string, string[]>();
	for (const c of columns.rows) {
		byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
	}
	const findings: Finding[] = [];
	for (const [table, cols] of byTable) {
		const rows = await sql<Record<string, string | null>>`select ${sql.join(
			cols.map((c) => sql`${sql.ref(c)}::text as ${sql.ref(c)}`)
		)} from ${sql.table(table)}`.execute(db);
		for (const row of rows.rows)
			for (const col of cols) {
				const value = row[col]?.toLowerCase();
				if (!value) continue;
				for (const needle of wanted)
					if (value.includes(needle)) findings.push({ table, column: col, needle });
			}
	}
	return findings;
}

/** The tables the scan reads: an erasure test checks this is not empty (the scan ran). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function scannedTables(db: Kysely<any>): Promise<string[]> {
	const r = await sql<{ table_name: string }>`
		select table_name from information_schema.tables
		where table_schema = current_schema() and table_type = 'BASE TABLE'
		order by table_name`.execute(db);
	return r.rows.map((x) => x.table_name);
}
