/**
 * The migrated schema and the code's picture of it agree: every table and column of a fresh
 * database is in the hand-written table types (name, nullability, rough type) and back; every
 * foreign key has an index; the CHECK constraints reject what the code never writes; a vote's
 * conversation is its statement's; the pool's text search can use its trigram index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import ts from 'typescript';
import { sql } from 'kysely';
import { BACKENDS, createTestDb, type TestDb } from '../../helpers/test-db';
import { seedReferenceData } from '../../../src/lib/server/core/org';
import { applyFilters } from '../../../src/lib/server/pool';

type Kind = 'string' | 'number' | 'boolean' | 'date' | 'array' | 'json';
interface ColumnShape {
	nullable: boolean;
	kind: Kind;
}
type Shapes = Map<string, Map<string, ColumnShape>>;

/** Reads `DB` from schema.ts with the TypeScript checker: what a query sees when it selects. */
function tableTypes(): Shapes {
	const schema = path.resolve('src/lib/server/db.ts');
	const program = ts.createProgram([schema], {
		strict: true,
		noEmit: true,
		skipLibCheck: true,
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler
	});
	const checker = program.getTypeChecker();
	const file = program.getSourceFile(schema)!;
	const decl = file.statements.find(
		(n): n is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(n) && n.name.text === 'DB'
	)!;
	const db = checker.getSymbolAtLocation(decl.name)!;
	const dbType = checker.getDeclaredTypeOfSymbol(db);
	const out: Shapes = new Map();
	for (const table of checker.getPropertiesOfType(dbType)) {
		const tableType = checker.getTypeOfSymbol(table);
		const columns = new Map<string, ColumnShape>();
		for (const column of checker.getPropertiesOfType(tableType)) {
			let type = checker.getTypeOfSymbol(column);
			// ColumnType / Generated / JSONColumnType: the select side is what the column holds.
			const select = type.getProperty('__select__');
			if (select) type = checker.getTypeOfSymbol(select);
			const parts = type.isUnion() ? type.types : [type];
			const nullable = parts.some((p) => p.flags & ts.TypeFlags.Null);
			const rest = parts.filter((p) => !(p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
			columns.set(column.name, { nullable, kind: kindOf(checker, rest) });
		}
		out.set(table.name, columns);
	}
	return out;
}

function kindOf(checker: ts.TypeChecker, parts: ts.Type[]): Kind {
	const kinds = new Set<Kind>();
	for (const p of parts) {
		if (p.flags & ts.TypeFlags.StringLike) kinds.add('string');
		else if (p.flags & ts.TypeFlags.NumberLike) kinds.add('number');
		else if (p.flags & ts.TypeFlags.BooleanLike) kinds.add('boolean');
		else if (checker.isArrayType(p)) kinds.add('array');
		else if (p.getSymbol()?.name === 'Date') kinds.add('date');
		else kinds.add('json');
	}
	return kinds.size === 1 ? [...kinds][0] : 'json';
}

/** What a PostgreSQL column type reads as through our drivers (int8/numeric parsed to number). */
function kindOfPg(dataType: string): Kind | 'any' {
	if (dataType === 'ARRAY') return 'array';
	if (dataType === 'boolean') return 'boolean';
	if (dataType.startsWith('timestamp')) return 'date';
	if (['integer', 'smallint', 'bigint', 'numeric', 'real', 'double precision'].includes(dataType))
		return 'number';
	if (['text', 'uuid', 'date', 'character varying', 'character'].includes(dataType))
		return 'string';
	// jsonb holds objects, arrays and scalars: any TypeScript shape is fine.
	if (dataType === 'jsonb' || dataType === 'json') return 'any';
	return 'json';
}

/** "table.column: problem" for every difference between the two pictures. */
function drift(types: Shapes, rows: DbColumn[]): string[] {
	const problems: string[] = [];
	const dbTables = new Map<string, Map<string, DbColumn>>();
	for (const r of rows) {
		if (!dbTables.has(r.table_name)) dbTables.set(r.table_name, new Map());
		dbTables.get(r.table_name)!.set(r.column_name, r);
	}
	for (const [table, columns] of dbTables) {
		const typed = types.get(table);
		if (!typed) {
			problems.push(`${table}: table has no type in schema.ts`);
			continue;
		}
		for (const [name, col] of columns) {
			const t = typed.get(name);
			if (!t) {
				problems.push(`${table}.${name}: column missing from the table type`);
				continue;
			}
			const nullable = col.is_nullable === 'YES';
			// A generated column (pool_member.search_text) is reported nullable even when every
			// input is NOT NULL: its type may say what the expression gives.
			if (t.nullable !== nullable && !(col.is_generated === 'ALWAYS' && !t.nullable))
				problems.push(
					`${table}.${name}: database ${nullable ? 'nullable' : 'not null'}, type ${t.nullable ? 'nullable' : 'not null'}`
				);
			const pgKind = kindOfPg(col.data_type);
			if (pgKind !== 'any' && pgKind !== t.kind)
				problems.push(`${table}.${name}: database ${col.data_type}, type reads as ${t.kind}`);
		}
		for (const name of typed.keys())
			if (!columns.has(name)) problems.push(`${table}.${name}: typed but not in the database`);
	}
	for (const table of types.keys())
		if (!dbTables.has(table)) problems.push(`${table}: typed but not in the database`);
	return problems;
}

interface DbColumn {
	table_name: string;
	column_name: string;
	is_nullable: string;
	data_type: string;
	is_generated?: string;
}

describe('the drift check itself', () => {
	it('reports a missing table, a missing column, wrong nullability and wrong type', () => {
		const types: Shapes = new Map([
			[
				'thing',
				new Map<string, ColumnShape>([
					['id', { nullable: false, kind: 'number' }],
					['note', { nullable: false, kind: 'string' }],
					['ghost', { nullable: false, kind: 'string' }]
				])
			]
		]);
		const col = (table_name: string, column_name: string, is_nullable: string, data_type: string) =>
			({ table_name, column_name, is_nullable, data_type }) satisfies DbColumn;
		expect(
			drift(types, [
				col('thing', 'id', 'NO', 'text'),
				col('thing', 'note', 'YES', 'text'),
				col('thing', 'added', 'NO', 'integer'),
				col('other', 'id', 'NO', 'integer')
			])
		).toEqual([
			'thing.id: database text, type reads as number',
			'thing.note: database nullable, type not null',
			'thing.added: column missing from the table type',
			'thing.ghost: typed but not in the database',
			'other: table has no type in schema.ts'
		]);
	});
});

describe.each(BACKENDS)('migrated schema on %s', (backend) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(backend);
		await seedReferenceData(t.db);
	});
	afterAll(() => t.close());

	it('matches the hand-written table types, table by table and column by column', async () => {
		const { rows } = await sql<DbColumn>`
			select c.table_name, c.column_name, c.is_nullable, c.data_type, c.is_generated
			from information_schema.columns c
			join information_schema.tables tb
				on tb.table_schema = c.table_schema and tb.table_name = c.table_name
			where c.table_schema = 'public' and tb.table_type = 'BASE TABLE'
				and c.table_name not like 'kysely_migration%'
			order by c.table_name, c.ordinal_position`.execute(t.db);
		const types = tableTypes();
		expect(types.size).toBeGreaterThan(20);
		expect(rows.length).toBeGreaterThan(150);
		expect(drift(types, rows)).toEqual([]);
	});

	it('has an index starting with the columns of every foreign key', async () => {
		// A partial index counts only when its predicate is "column is not null" on a one-column
		// key (a lookup by a value implies it); otherwise joins and cascades scan the table.
		const { rows } = await sql<{ fk: string }>`
			select c.conrelid::regclass::text || '(' || array_to_string(array(
				select a.attname from unnest(c.conkey) with ordinality k(n, o)
				join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o), ',') || ')' as fk
			from pg_constraint c
			where c.contype = 'f' and c.connamespace = 'public'::regnamespace
				and not exists (
					select 1 from pg_index i
					where i.indrelid = c.conrelid
						and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
						and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] <@ c.conkey
						and (i.indpred is null or (array_length(c.conkey, 1) = 1
							and pg_get_expr(i.indpred, i.indrelid) = '(' || (
								select attname from pg_attribute
								where attrelid = c.conrelid and attnum = c.conkey[1]) || ' IS NOT NULL)')))
			order by 1`.execute(t.db);
		expect(rows.map((r) => r.fk)).toEqual([]);
	});

	it('rejects values the code never writes', async () => {
		const user = await t.db
			.insertInto('app_user')
			.values({ email: `check-${backend}@example.com`, display_name: 'Check' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const conversation = await t.db
			.insertInto('conversation')
			.values({ topic: 'Check' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const rejected = async (name: string, q: { execute(): Promise<unknown> }) => {
			await expect(q.execute(), name).rejects.toThrow(/check constraint/i);
		};
		await rejected(
			'role',
			t.db.insertInto('user_role').values({ user_id: user.id, role: 'superuser' })
		);
		await rejected(
			'token purpose',
			t.db.insertInto('email_token').values({
				id: `tok-${backend}`,
				user_id: user.id,
				// @ts-expect-error: the type already forbids it; the database must too.
				purpose: 'login',
				expires_at: new Date()
			})
		);
		await rejected(
			'outbox status',
			t.db
				.insertInto('mail_outbox')
				// @ts-expect-error: not a status
				.values({ to_address: 'a@b.fi', subject: 's', text_body: 'b', category: 'c', status: 'x' })
		);
		await rejected(
			'participant with two identities',
			t.db
				.insertInto('conversation_participant')
				.values({ conversation_id: conversation.id, anon_key: 'k', app_user_id: user.id })
		);
		await rejected(
			'participant with none',
			t.db.insertInto('conversation_participant').values({ conversation_id: conversation.id })
		);
		// What the code does write still goes in.
		await t.db
			.insertInto('user_role')
			.values({ user_id: user.id, role: 'feedback_handler' })
			.execute();
		await t.db
			.insertInto('conversation_participant')
			.values({ conversation_id: conversation.id, xid: 'x-1' })
			.execute();
	});

	it("keeps a vote's conversation the conversation of its statement", async () => {
		const [a, b] = await t.db
			.insertInto('conversation')
			.values([{ topic: 'A' }, { topic: 'B' }])
			.returning('id')
			.execute();
		const statement = await t.db
			.insertInto('conversation_statement')
			.values({ conversation_id: a.id, tid: 0, body: 'Väite', status: 'accepted' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const participant = await t.db
			.insertInto('conversation_participant')
			.values({ conversation_id: b.id, anon_key: 'p' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const vote = (conversation_id: string) => ({
			participant_id: participant.id,
			statement_id: statement.id,
			conversation_id,
			vote: 1,
			history_id: 1
		});
		await expect(t.db.insertInto('conversation_vote').values(vote(b.id)).execute()).rejects.toThrow(
			/foreign key/i
		);
		await expect(
			t.db
				.insertInto('conversation_vote_history')
				.values({
					participant_id: participant.id,
					statement_id: statement.id,
					conversation_id: b.id,
					vote: 1,
					client_id: 'c1'
				})
				.execute()
		).rejects.toThrow(/foreign key/i);
		await t.db.insertInto('conversation_vote').values(vote(a.id)).execute();
	});

	it('serves the pool text search from the trigram index', async () => {
		await sql`
			insert into pool_member (email, name, municipality_code, birth_year, consent_version, consent_at)
			select 'member' || i || '@example.com', 'Jäsen ' || md5(i::text), '837', 1950 + i % 50, 'v1', now()
			from generate_series(1, 20000) i`.execute(t.db);
		// Vacuum moves the bulk insert out of GIN's pending list, as autovacuum does in production.
		await sql`vacuum analyze pool_member`.execute(t.db);
		// The search's own query (pool.queries.ts applyFilters): search_text LIKE '%term%'.
		const query = applyFilters(t.db.selectFrom('pool_member'), { q: 'Virtanen' }, 2026).select(
			'id'
		);
		expect(query.compile().sql).toMatch(/"search_text" like \$1/);
		const plan = (await query.explain()).map((r) => Object.values(r).join('')).join('\n');
		expect(plan).toContain('pool_member_search_trgm_idx');
	});
});
