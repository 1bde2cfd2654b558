/**
 * `POST /api/feedback/visits`, framework-free (Request → Response). A source system presents
 * its own token (`Authorization: Bearer …`); the body is JSON (one visit or `{visits: [...]}`,
 * at most 1 000) or a CSV file (`Content-Type: text/csv`, the CSV drop). Rate limited per
 * source on core's limiter (FEEDBACK_VISIT_RATE_PER_MINUTE visits). All or nothing: a bad item
 * gives 400 naming each index or row and field, and nothing is stored. A visit id already
 * received is a duplicate (200), not an error.
 */
import type { Locale } from '$lib/i18n';
import type { FeedbackDb } from './feedback.db';
import { translate } from '$lib/server/core/i18n/translate';
import { rateLimit } from '../core/rate-limit';
import { smsConfig } from './sms.config';
import { recordVisits, recordVisitsCsv, sourceByToken, type VisitProblem } from './visits.service';
import { visitBatchSchema } from './visits.schemas';

const MAX_BODY = 8 * 1024 * 1024;

const limiter = rateLimit('feedback.visits', () => ({
	points: smsConfig().visitRatePerMinute,
	durationS: 60
}));

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers }
	});
}

function refusal(status: number, code: string, locale: Locale, extra: object = {}) {
	return json(status, { error: code, message: translate(locale, code), ...extra });
}

function problemsBody(problems: VisitProblem[], locale: Locale) {
	return problems.map((p) => ({ ...p, message: translate(locale, p.message, { field: p.field }) }));
}

/** Counts the CSV's data lines cheaply (for the rate limit before parsing). */
function csvCost(text: string): number {
	return Math.max(1, text.split('\n').filter((l) => l.trim()).length - 1);
}

export async function handleVisitIntake(
	db: FeedbackDb,
	request: Request,
	locale: Locale = 'fi',
	now = new Date()
): Promise<Response> {
	const header = request.headers.get('authorization') ?? '';
	const source = header.startsWith('Bearer ')
		? await sourceByToken(db, header.slice(7).trim())
		: undefined;
	if (!source)
		return json(
			401,
			{ error: 'unauthorized', message: translate(locale, 'core.errors.401') },
			{ 'www-authenticate': 'Bearer' }
		);
	if (!smsConfig().hashKey) return refusal(503, 'feedback.visits.errors.closed', locale);
	const bytes = new Uint8Array(await request.arrayBuffer());
	if (bytes.length > MAX_BODY) return refusal(413, 'feedback.visits.errors.tooLarge', locale);
	const isCsv = /^text\/csv\b/i.test(request.headers.get('content-type') ?? '');
	let items: { index: number; value: unknown }[] = [];
	if (!isCsv) {
		let body: unknown;
		try {
			body = JSON.parse(new TextDecoder().decode(bytes));
		} catch {
			return refusal(400, 'feedback.visits.errors.json', locale);
		}
		if (body && typeof body === 'object' && 'visits' in body) {
			const batch = visitBatchSchema.safeParse(body);
			if (!batch.success) return refusal(400, 'feedback.visits.errors.batch', locale);
			items = batch.data.visits.map((value, index) => ({ index, value }));
		} else items = [{ index: 0, value: body }];
	}
	const cost = isCsv ? csvCost(new TextDecoder().decode(bytes)) : items.length;
	const allowed = await limiter.take(`source:${source.id}`, cost);
	if (!allowed.allowed)
		return refusal(429, 'feedback.visits.errors.rateLimited', locale, {
			retryAfter: allowed.retryAfter
		});
	const result = isCsv
		? await recordVisitsCsv(db, source.id, bytes, { now })
		: await recordVisits(db, source.id, items, { now });
	if (!result.ok)
		return refusal(400, 'feedback.visits.errors.invalid', locale, {
			problems: problemsBody(result.problems, locale)
		});
	return json(result.stored ? 201 : 200, result);
}
