/** Input rules. Messages are i18n keys; statement text is one line of plain text, never HTML. */
import { fileField, optionalClientId, optionalFileField, z, textField } from '$lib/validation';
import { MAX_UPLOAD_BYTES } from '../core/http/upload-limit';

export const STATEMENT_MIN = 3;
export const STATEMENT_MAX = 280;
export const MAX_SEEDS = 100;
export const LANGUAGES = ['fi', 'sv', 'en'] as const;

/** Looks like markup: a tag opener, an entity, or a script-ish URL. Refused, not stripped. */
const MARKUP = /<\s*[a-z!/?]|&[a-z#0-9]+;|javascript:/i;

export const statementText = z
	.string({ error: 'validation.required' })
	.transform((s) => s.replace(/\s+/g, ' ').trim())
	.pipe(
		z
			.string()
			.min(STATEMENT_MIN, { error: 'conversations.errors.statementShort' })
			.max(STATEMENT_MAX, { error: 'conversations.errors.statementLong' })
			.refine((s) => !MARKUP.test(s), { error: 'conversations.errors.statementMarkup' })
			// eslint-disable-next-line no-control-regex
			.refine((s) => !/[\u0000-\u001f\u007f]/.test(s), {
				error: 'conversations.errors.statementMarkup'
			})
	);

/** Seed statements typed one per line in the create form. */
export const seedLines = z
	.string()
	.max(MAX_SEEDS * (STATEMENT_MAX + 2), { error: 'validation.tooLong' })
	.transform((s) =>
		s
			.split(/\r?\n/)
			.map((l) => l.trim())
			.filter((l) => l.length > 0)
	)
	.pipe(z.array(statementText).max(MAX_SEEDS, { error: 'conversations.errors.tooManySeeds' }));

export const createConversationSchema = z.object({
	topic: textField(200),
	description: textField(4000, false).default(''),
	languages: z
		.array(z.enum(LANGUAGES))
		.min(1, { error: 'conversations.errors.languageRequired' })
		.default(['fi']),
	allowStatements: z.boolean().default(true),
	allowAnonymous: z.boolean().default(true),
	moderation: z.enum(['pre', 'post']).default('pre'),
	seeds: seedLines.default([])
});
export type CreateConversationInput = z.output<typeof createConversationSchema>;

export const statementSchema = z.object({
	body: statementText,
	// Blank counts as none: two blank ids are two statements, not a unique-key clash.
	clientId: optionalClientId(64)
});

export const VOTE_WORDS = { agree: 1, disagree: -1, pass: 0 } as const;

/** Largest value of a PostgreSQL `integer` (tid) column. */
export const INT4_MAX = 2_147_483_647;

/** One vote at the JSON endpoint: tid of the statement, the vote, and the client's own id. */
export const voteSchema = z.object({
	// A tid is a PostgreSQL integer: a larger number would fail the statement, not just this vote.
	tid: z
		.number({ error: 'conversations.errors.badStatementId' })
		.int({ error: 'conversations.errors.badStatementId' })
		.min(0, { error: 'conversations.errors.badStatementId' })
		.max(INT4_MAX, { error: 'conversations.errors.badStatementId' }),
	vote: z.union([z.literal(1), z.literal(-1), z.literal(0)], {
		error: 'conversations.errors.badVote'
	}),
	clientId: z
		.string({ error: 'conversations.errors.clientId' })
		.min(8, { error: 'conversations.errors.clientId' })
		.max(64, { error: 'conversations.errors.clientId' })
		.regex(/^[A-Za-z0-9_-]+$/, { error: 'conversations.errors.clientId' })
});
export type VoteInput = z.output<typeof voteSchema>;

export const MAX_BATCH = 100;
export const voteBatchSchema = z.union([
	voteSchema.transform((v) => [v]),
	z.object({ votes: z.array(voteSchema).min(1).max(MAX_BATCH) }).transform((b) => b.votes)
]);

export const findingSchema = z.object({
	statementId: z.coerce.number().int().positive(),
	note: textField(1000, false).default('')
});

/** Votes a participant casts before the opinion map opens to them (Polis clusters from 7). */
export const MAP_MIN_VOTES = 7;

const polisFile = () =>
	fileField(
		MAX_UPLOAD_BYTES,
		'conversations.errors.fileMissing',
		'conversations.errors.fileTooLarge'
	);

/** A Polis export to import: its two CSV files, the optional summary, and a topic. */
export const polisImportSchema = z.object({
	topic: textField(200, false).default(''),
	comments: polisFile(),
	participantsVotes: polisFile(),
	summary: optionalFileField(MAX_UPLOAD_BYTES, 'conversations.errors.fileTooLarge')
});
