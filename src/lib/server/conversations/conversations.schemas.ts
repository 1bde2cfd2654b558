/** Input rules. Messages are i18n keys; statement text is one line of plain text, never HTML. */
import {
	emailField,
	fileField,
	int4Id,
	optionalClientId,
	optionalFileField,
	z,
	textField
} from '$lib/validation';
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

/**
 * The create form as superforms reads it: seeds stay text (createConversationSchema splits them
 * into statements), and the boxes are false when unticked (a default of true would tick them
 * again; the page starts them ticked).
 */
export const createConversationFormSchema = z.object({
	topic: textField(200),
	description: textField(4000, false).default(''),
	languages: z
		.array(z.enum(LANGUAGES, { error: 'validation.invalid' }))
		.min(1, { error: 'conversations.errors.languageRequired' }),
	allowStatements: z.boolean().default(false),
	allowAnonymous: z.boolean().default(false),
	moderation: z.enum(['pre', 'post'], { error: 'validation.invalid' }).default('pre'),
	seeds: z
		.string()
		.default('')
		.superRefine((text, ctx) => {
			const r = seedLines.safeParse(text);
			if (!r.success) ctx.addIssue({ code: 'custom', message: r.error.issues[0].message });
		})
});
export type CreateConversationForm = z.output<typeof createConversationFormSchema>;

/** A moderator's button on one statement. */
export const moderateSchema = z.object({
	action: z.enum(['accept', 'reject', 'meta', 'unmeta'], {
		error: 'conversations.errors.badRequest'
	}),
	statementId: int4Id('conversations.errors.badRequest')
});

/** Seed statements added later, one a line. */
export const seedFormSchema = z.object({
	seeds: z
		.string()
		.default('')
		.superRefine((text, ctx) => {
			const r = seedLines.safeParse(text);
			if (!r.success) ctx.addIssue({ code: 'custom', message: r.error.issues[0].message });
		})
});

/** Whether personal (xid) links are accepted. */
export const xidSettingSchema = z.object({ allowXid: z.boolean().default(false) });

/** The xids to make personal links for, one a line (checked by makeXidLinks). */
export const xidLinksSchema = z.object({
	xids: z.string().max(200_000, { error: 'validation.tooLong' }).default('')
});

/** Removing a finding from the report. */
export const removeFindingSchema = z.object({
	findingId: int4Id('conversations.errors.badRequest')
});

export const statementSchema = z.object({
	body: statementText,
	// Blank counts as none: two blank ids are two statements, not a unique-key clash.
	clientId: optionalClientId(64)
});

export const VOTE_WORDS = { agree: 1, disagree: -1, pass: 0 } as const;

/**
 * The page's vote form as posted (superforms reads it): the button's word and the statement's
 * tid as digits (a number field would read '' as 0 and '1e3' as 1). voteSchema then checks it.
 */
export const voteFormSchema = z.object({
	vote: z.enum(['agree', 'disagree', 'pass'], { error: 'conversations.errors.badVote' }),
	tid: z.string().regex(/^\d{1,10}$/, { error: 'conversations.errors.badStatementId' }),
	clientId: z.string().max(200, { error: 'conversations.errors.clientId' }).default('')
});

/** "Tell me what comes of this": the address an anonymous participant leaves. */
export const followFormSchema = z.object({ email: emailField });

/** The page's statement form as posted; statementSchema then checks the text. */
export const statementFormSchema = z.object({
	body: z.string().max(10_000, { error: 'conversations.errors.statementLong' }).default(''),
	clientId: z.string().max(200, { error: 'validation.invalid' }).default('')
});

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
