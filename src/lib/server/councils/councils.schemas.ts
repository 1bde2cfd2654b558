/**
 * Forms of the councils module, zod with i18n keys as messages (one schema for every language).
 * Rules that need the database (who coordinates, membership on the meeting day, a meeting in the
 * past) are in the services (councils.members, .meetings, .statements, .requests).
 */
import { z, textField, isRealDate, emailField, int4Id } from '$lib/validation';
import { BODY_KINDS, MEMBER_ROLES } from './councils.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const day = (key = 'councils.errors.date') =>
	z
		.string({ error: key })
		.trim()
		.refine((s) => isRealDate(s), { error: key });

const optionalDay = (key = 'councils.errors.date') =>
	z
		.string()
		.trim()
		.refine((s) => s === '' || isRealDate(s), { error: key })
		.default('');

/** http(s) only: a link members open (no javascript: or data: URLs). */
const webUrl = (required: boolean) =>
	z
		.string()
		.trim()
		.max(500, { error: 'validation.tooLong' })
		.refine((s) => (s === '' && !required) || /^https?:\/\/[^\s]+$/i.test(s), {
			error: 'councils.errors.url'
		})
		.default('');

export const bodySchema = z
	.object({
		kind: z.enum(BODY_KINDS, { error: 'councils.errors.kind' }),
		name: textField(200),
		purpose: textField(2000, false).default(''),
		serviceLineIds: z.array(int4Id()).max(20).default([]),
		termStartsOn: day(),
		termEndsOn: optionalDay(),
		coordinatorIds: z
			.array(z.string().regex(UUID, { error: 'validation.invalid' }))
			.max(20)
			.default([])
	})
	.refine((b) => b.termEndsOn === '' || b.termEndsOn >= b.termStartsOn, {
		path: ['termEndsOn'],
		error: 'councils.errors.termOrder'
	});
export type BodyInput = z.output<typeof bodySchema>;

export const memberSchema = z.object({
	name: textField(200),
	email: emailField,
	phone: textField(40, false).default(''),
	role: z.enum(MEMBER_ROLES, { error: 'councils.errors.role' }).default('member'),
	startsOn: day()
});
export type MemberInput = z.output<typeof memberSchema>;

export const candidateSchema = z.object({
	candidateId: int4Id(),
	role: z.enum(MEMBER_ROLES, { error: 'councils.errors.role' }).default('member'),
	startsOn: day()
});

export const endMemberSchema = z.object({
	memberId: int4Id(),
	endsOn: day(),
	reason: textField(500, false).default('')
});

export const recruitSchema = z.object({
	memberIds: z
		.array(z.string().regex(UUID, { error: 'validation.invalid' }))
		.min(1, { error: 'councils.errors.pickSomeone' })
		.max(200)
		.default([]),
	deadline: day(),
	message: textField(4000)
});

export const meetingSchema = z
	.object({
		day: day(),
		time: z
			.string()
			.trim()
			.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'councils.errors.time' })
			.default('17:00'),
		place: textField(300, false).default(''),
		onlineUrl: webUrl(false)
	})
	.refine((m) => m.place !== '' || m.onlineUrl !== '', {
		path: ['place'],
		error: 'councils.errors.where'
	});
export type MeetingInput = z.output<typeof meetingSchema>;

export const agendaSchema = z.object({
	service: textField(300, false).default(''),
	question: textField(1000),
	broughtBy: textField(200, false).default('')
});

export const materialSchema = z.object({
	title: textField(300),
	url: webUrl(true)
});

export const sendSchema = z.object({
	kind: z.enum(['invitation', 'reminder'], { error: 'validation.invalid' })
});

export const attendanceSchema = z.object({
	memberIds: z.array(int4Id()).max(500).default([])
});

export const minutesSchema = z.object({ minutes: textField(20000) });

export const statementSchema = z.object({
	meetingId: int4Id(),
	statementId: z
		.string()
		.trim()
		.regex(/^(|[1-9]\d{0,8})$/, { error: 'validation.invalid' })
		.default(''),
	body: textField(4000)
});

export const statementActionSchema = z.object({
	statementId: int4Id(),
	action: z.enum(['approve', 'reopen'], { error: 'validation.invalid' })
});

export const requestSchema = z.object({
	bodyId: int4Id('councils.errors.body'),
	topic: textField(300),
	description: textField(4000, false).default('')
});

export const acceptSchema = z.object({
	requestId: int4Id(),
	meetingId: int4Id('councils.errors.meeting')
});

export const declineSchema = z.object({
	requestId: int4Id(),
	reason: textField(2000)
});

export const answerSchema = z.object({
	requestId: int4Id(),
	answer: textField(4000)
});

/** Travel (km) or a cost (euros) of one member for one meeting. */
export const expenseSchema = z.object({
	memberId: int4Id('councils.errors.not_attended'),
	kind: z.enum(['travel_km', 'travel_ticket', 'other'], { error: 'validation.invalid' }),
	amount: textField(20),
	note: textField(500, false).default('')
});
