/** Reads the create-conversation form (plain FormData) into the schema's input and field errors. */
import { createConversationSchema, type CreateConversationInput } from './conversations.schemas';

export interface CreateFormValues {
	topic: string;
	description: string;
	languages: string[];
	allowStatements: boolean;
	allowAnonymous: boolean;
	moderation: string;
	seeds: string;
}

export function readCreateForm(form: FormData): CreateFormValues {
	return {
		topic: String(form.get('topic') ?? ''),
		description: String(form.get('description') ?? ''),
		languages: form.getAll('languages').map(String),
		allowStatements: form.get('allowStatements') === 'on',
		allowAnonymous: form.get('allowAnonymous') === 'on',
		moderation: String(form.get('moderation') ?? 'pre'),
		seeds: String(form.get('seeds') ?? '')
	};
}

export function validateCreate(
	values: CreateFormValues
): { ok: true; data: CreateConversationInput } | { ok: false; errors: Record<string, string> } {
	const r = createConversationSchema.safeParse(values);
	if (r.success) return { ok: true, data: r.data };
	const errors: Record<string, string> = {};
	for (const issue of r.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return { ok: false, errors };
}
