/* The anonymous participant's cookie key is a bearer secret: whoever can read
   conversation_participant (a backup, a replica, a support query) could vote as the person. From
   now on the table holds its SHA-256 in hex (participants.ts hashes the cookie on every lookup);
   this hashes the keys stored so far, so people keep their participant. Imported Polis
   participants ('import:<pid>') are no secrets and no cookie can name them: left as they are. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await sql`update conversation_participant
		set anon_key = encode(sha256(convert_to(anon_key, 'UTF8')), 'hex')
		where anon_key is not null and anon_key not like 'import:%'`.execute(db);
}

// A hash cannot be undone: down leaves the keys hashed (the old code would then start a new
// participant for each returning person, as if their cookie had been lost).
export async function down(): Promise<void> {}
