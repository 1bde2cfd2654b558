/**
 * The HTTP side of intake, framework-free (Request → Response) so the SvelteKit endpoints stay
 * thin and the benchmark drives exactly the same code over plain node:http.
 *
 * JSON intake (kiosk, web clients): one response or `{responses: [...]}` (≤ 100), anonymous and
 * rate limited per client address (one token per response). A batch is answered item by item
 * (`results[i]`: stored, duplicate or invalid with its errors), so one refused answer does not
 * cost the others; 400 only when no item of it was accepted.
 * SMS: the gateway posts `{messageId, unit, answers: [nps, statement 1?, text?]}` with
 * `Authorization: Bearer <FEEDBACK_SMS_TOKEN>`; the message id is the idempotency key.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../core/db/database';
import type { Locale } from '$lib/i18n';
import { translate } from '$lib/server/core/i18n/translate';
import {
	jsonBatchSchema,
	jsonIntakeSchema,
	jsonResponseSchema,
	smsSchema
} from './feedback.schemas';
import { checkResponses, IntakeError } from './intake.service';
import { batcherFor } from './intake-batcher';
import { feedbackConfig } from './feedback.config';
import type { ResponseInput } from './feedback.types';
import type { z } from '$lib/validation';

const MAX_BODY = 256 * 1024;
/** Offline kiosk answers may arrive late, but not from further back than this. */
const MAX_AGE_MS = 14 * 86_400_000;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers }
	});
}

function problem(status: number, code: string, locale: Locale, extra: object = {}): Response {
	return json(status, { error: code, message: translate(locale, code), ...extra });
}

async function readJson(request: Request): Promise<unknown> {
	const text = await request.text();
	if (text.length > MAX_BODY) throw new IntakeError('feedback.errors.answers');
	try {
		return JSON.parse(text);
	} catch {
		throw new IntakeError('feedback.errors.json');
	}
}

function zodIssues(issues: { path: PropertyKey[]; message: string }[], locale: Locale) {
	return issues.map((i) => ({
		path: i.path.map(String).join('.'),
		message: translate(locale, i.message)
	}));
}

/** Clamp a client-given answer time: never in the future, never older than two weeks. */
function answeredAt(iso: string | undefined, now: Date): Date {
	if (!iso) return now;
	const t = new Date(iso).getTime();
	if (t > now.getTime()) return now;
	return new Date(Math.max(t, now.getTime() - MAX_AGE_MS));
}

/** Code → id look-ups, cached briefly: codes of units and surveys rarely change. */
const CODE_CACHE_MS = 10_000;
const codeCache = new WeakMap<
	Db,
	{ at: number; units: Map<string, number>; surveys: Map<string, number> }
>();

async function codes(db: Db) {
	const hit = codeCache.get(db);
	if (hit && Date.now() - hit.at < CODE_CACHE_MS) return hit;
	const [units, surveys] = await Promise.all([
		db.selectFrom('unit').select(['id', 'code']).where('active', '=', true).execute(),
		db.selectFrom('feedback_survey').select(['id', 'code']).execute()
	]);
	const fresh = {
		at: Date.now(),
		units: new Map(units.map((r) => [r.code, r.id])),
		surveys: new Map(surveys.map((r) => [r.code, r.id]))
	};
	codeCache.set(db, fresh);
	return fresh;
}

async function unitIds(db: Db, list: string[]): Promise<Map<string, number>> {
	const c = await codes(db);
	return new Map(list.filter((x) => c.units.has(x)).map((x) => [x, c.units.get(x)!]));
}

async function surveyIds(db: Db, list: string[]): Promise<Map<string, number>> {
	const c = await codes(db);
	return new Map(list.filter((x) => c.surveys.has(x)).map((x) => [x, c.surveys.get(x)!]));
}

async function store(db: Db, inputs: ResponseInput[], locale: Locale): Promise<Response> {
	try {
		const r = await batcherFor(db).submit(inputs);
		return json(r.stored ? 201 : 200, r);
	} catch (e) {
		if (e instanceof IntakeError && e.code === 'invalid') {
			const problems = (
				e.details.problems as { index: number; errors: Record<string, string> }[]
			).map((p) => ({
				index: p.index,
				errors: Object.fromEntries(
					Object.entries(p.errors).map(([k, v]) => [k, translate(locale, v)])
				)
			}));
			return problem(400, 'feedback.errors.formInvalid', locale, { problems });
		}
		throw e;
	}
}

export async function handleJsonIntake(
	db: Db,
	request: Request,
	opts: { clientIp: string; locale: Locale; allow: (ip: string, cost: number) => boolean }
): Promise<Response> {
	const { locale } = opts;
	let body: unknown;
	try {
		body = await readJson(request);
	} catch (e) {
		return problem(400, e instanceof IntakeError ? e.code : 'feedback.errors.json', locale);
	}
	if (body && typeof body === 'object' && 'responses' in body) return batch(db, body, opts);
	const parsed = jsonIntakeSchema.safeParse(body);
	if (!parsed.success)
		return problem(400, 'feedback.errors.formInvalid', locale, {
			issues: zodIssues(parsed.error.issues, locale)
		});
	const items = 'responses' in parsed.data ? parsed.data.responses : [parsed.data];
	if (!opts.allow(opts.clientIp, items.length))
		return problem(429, 'feedback.errors.rateLimited', locale, {});
	const now = new Date();
	const units = await unitIds(db, [...new Set(items.map((i) => i.unit))]);
	const surveys = await surveyIds(db, [
		...new Set(items.map((i) => i.survey).filter((s): s is string => !!s))
	]);
	const unknown = items.findIndex(
		(i) => !units.has(i.unit) || (i.survey && !surveys.has(i.survey))
	);
	if (unknown >= 0) {
		const field = units.has(items[unknown].unit) ? 'survey' : 'unit';
		return problem(400, `feedback.errors.${field}`, locale, { index: unknown });
	}
	return store(
		db,
		items.map((i) => ({
			clientId: i.clientId,
			unitId: units.get(i.unit)!,
			surveyId: i.survey ? surveys.get(i.survey) : undefined,
			channel: i.channel,
			answers: i.answers,
			locale: i.locale ?? locale,
			answeredAt: answeredAt(i.answeredAt, now)
		})),
		locale
	);
}

type ItemResult =
	| { clientId: string; status: 'stored' | 'duplicate' }
	| { clientId: string | null; status: 'invalid'; errors: Record<string, string> };

async function batch(
	db: Db,
	body: unknown,
	opts: { clientIp: string; locale: Locale; allow: (ip: string, cost: number) => boolean }
): Promise<Response> {
	const { locale } = opts;
	const envelope = jsonBatchSchema.safeParse(body);
	if (!envelope.success)
		return problem(400, 'feedback.errors.formInvalid', locale, {
			issues: zodIssues(envelope.error.issues, locale)
		});
	const raw = envelope.data.responses;
	if (!opts.allow(opts.clientIp, raw.length))
		return problem(429, 'feedback.errors.rateLimited', locale, {});
	const results: (ItemResult | undefined)[] = new Array(raw.length);
	const refuse = (i: number, errors: Record<string, string>) => {
		const id = (raw[i] as { clientId?: unknown } | null)?.clientId;
		results[i] = {
			clientId: typeof id === 'string' ? id : null,
			status: 'invalid',
			errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, translate(locale, v)]))
		};
	};
	const valid: { i: number; item: z.output<typeof jsonResponseSchema> }[] = [];
	raw.forEach((r, i) => {
		const p = jsonResponseSchema.safeParse(r);
		if (p.success) valid.push({ i, item: p.data });
		else
			refuse(
				i,
				Object.fromEntries(p.error.issues.map((x) => [x.path.map(String).join('.'), x.message]))
			);
	});
	const units = await unitIds(db, [...new Set(valid.map((v) => v.item.unit))]);
	const surveys = await surveyIds(db, [
		...new Set(valid.map((v) => v.item.survey).filter((s): s is string => !!s))
	]);
	const now = new Date();
	const known: typeof valid = [];
	for (const v of valid) {
		if (!units.has(v.item.unit)) refuse(v.i, { unit: 'feedback.errors.unit' });
		else if (v.item.survey && !surveys.has(v.item.survey))
			refuse(v.i, { survey: 'feedback.errors.survey' });
		else known.push(v);
	}
	const inputs: ResponseInput[] = known.map(({ item: i }) => ({
		clientId: i.clientId,
		unitId: units.get(i.unit)!,
		surveyId: i.survey ? surveys.get(i.survey) : undefined,
		channel: i.channel,
		answers: i.answers,
		locale: i.locale ?? locale,
		answeredAt: answeredAt(i.answeredAt, now)
	}));
	const { prepared, problems } = await checkResponses(db, inputs);
	for (const p of problems) refuse(known[p.index].i, p.errors);
	const fresh = await batcherFor(db).submitPrepared(prepared);
	prepared.forEach((p, k) => {
		results[known[p.index].i] = {
			clientId: p.input.clientId,
			status: fresh[k] ? 'stored' : 'duplicate'
		};
	});
	const all = results as ItemResult[];
	const stored = all.filter((r) => r.status === 'stored').length;
	const duplicates = all.filter((r) => r.status === 'duplicate').length;
	const summary = { stored, duplicates, refused: all.length - stored - duplicates, results: all };
	if (stored + duplicates === 0)
		return problem(400, 'feedback.errors.formInvalid', locale, summary);
	return json(stored ? 201 : 200, summary);
}

function tokenMatches(header: string | null, expected: string): boolean {
	if (!expected || !header?.startsWith('Bearer ')) return false;
	const given = Buffer.from(header.slice(7));
	const want = Buffer.from(expected);
	return given.length === want.length && timingSafeEqual(given, want);
}

/** The SMS survey: question 1 = NPS, 2 = the first base statement (1–5), 3 = open text. */
const SMS_KEYS = ['nps', 's1', 'open'];

export async function handleSmsIntake(
	db: Db,
	request: Request,
	locale: Locale = 'fi'
): Promise<Response> {
	if (!tokenMatches(request.headers.get('authorization'), feedbackConfig().smsToken))
		return json(
			401,
			{ error: 'unauthorized', message: translate(locale, 'core.errors.401') },
			{ 'www-authenticate': 'Bearer' }
		);
	let body: unknown;
	try {
		body = await readJson(request);
	} catch (e) {
		return problem(400, e instanceof IntakeError ? e.code : 'feedback.errors.json', locale);
	}
	const parsed = smsSchema.safeParse(body);
	if (!parsed.success)
		return problem(400, 'feedback.errors.formInvalid', locale, {
			issues: zodIssues(parsed.error.issues, locale)
		});
	const sms = parsed.data;
	const units = await unitIds(db, [sms.unit]);
	if (!units.has(sms.unit)) return problem(400, 'feedback.errors.unit', locale);
	const answers: Record<string, string | number> = {};
	sms.answers.forEach((a, i) => {
		answers[SMS_KEYS[i]] = typeof a === 'string' && i < 2 ? a.trim() : a;
	});
	return store(
		db,
		[
			{
				clientId: `sms:${sms.messageId}`,
				unitId: units.get(sms.unit)!,
				channel: 'sms',
				answers,
				locale,
				answeredAt: answeredAt(sms.receivedAt, new Date())
			}
		],
		locale
	);
}
