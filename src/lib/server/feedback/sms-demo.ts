/**
 * Illustrative SMS-survey data for the demo database (NOT real data): a visit source (token
 * `demo-visit-token`, so the API can be tried), about 60 days of visits in a few units with every
 * exclusion rule represented, sent surveys, text-reply conversations turned into responses, and a
 * few visits from today waiting for tomorrow's noon. No real phone numbers: demo numbers are
 * made up and only their hashes are stored for the sent and excluded visits.
 */
import type { Insertable } from 'kysely';
import type { FeedbackDb } from './feedback.db';
import type { FeedbackVisitTable } from './visits.tables';
import { tokenId } from '../core/auth/tokens';
import { smsConfig } from './sms.config';
import { prng, npsScore } from './demo';
import { submitResponses } from './intake.service';
import { AGE_BANDS, EXCLUSION_REASONS, keyedHash, sendAfter } from './visits.rules';
import type { ResponseInput } from './feedback.types';

export const DEMO_VISIT_TOKEN = 'demo-visit-token';
const DAY = 86_400_000;
/** Units of several lines, the demo feedback handler's outpatient line among them. */
const DEMO_UNITS = ['tk-hervanta', 'tays-paivystys', 'neuvola-kangasala', 'koti-tampere'];
/** Younger people answer less (HUS sees the fewest answers under 25). */
const ANSWER_RATE: Record<string, number> = {
	'0-17': 0.2,
	'18-24': 0.22,
	'25-44': 0.35,
	'45-64': 0.45,
	'65-74': 0.5,
	'75+': 0.4
};

export async function seedSmsDemo(db: FeedbackDb, now = new Date()): Promise<void> {
	const key = smsConfig().hashKey || 'demo-phone-key';
	const source = await db
		.insertInto('feedback_visit_source')
		.values({
			code: 'demo-potilastieto',
			name: 'Potilastietojärjestelmä (demo)',
			token_hash: tokenId(DEMO_VISIT_TOKEN)
		})
		.onConflict((oc) => oc.column('code').doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!source) return;
	const units = await db
		.selectFrom('unit')
		.select(['id', 'code'])
		.where('code', 'in', DEMO_UNITS)
		.orderBy('id')
		.execute();
	if (!units.length) return;
	const rand = prng(17);
	const visits: Insertable<FeedbackVisitTable>[] = [];
	const responses: ResponseInput[] = [];
	let n = 0;
	for (const [ui, u] of units.entries()) {
		for (let i = 0; i < 120; i++) {
			n++;
			const daysAgo = 1 + Math.floor(rand() * 60);
			const visitedAt = new Date(now.getTime() - daysAgo * DAY - Math.floor(rand() * 8 * 3600_000));
			const ageBand = AGE_BANDS[Math.floor(rand() * AGE_BANDS.length)];
			const phoneHash = keyedHash(key, `+35840000${String(n).padStart(4, '0')}`);
			const roll = rand();
			// About one in five is not asked, spread over the rules.
			const reason =
				ageBand === '0-17' && roll < 0.6
					? 'minor'
					: roll < 0.2
						? EXCLUSION_REASONS[Math.floor(rand() * EXCLUSION_REASONS.length)]
						: null;
			const form = rand() < 0.2 ? 'link' : 'text';
			const base = {
				source_id: source.id,
				external_id: `demo-${n}`,
				unit_id: u.id,
				visited_at: visitedAt,
				send_after: sendAfter(visitedAt),
				locale: rand() < 0.1 ? 'sv' : rand() < 0.05 ? 'en' : 'fi',
				age_band: ageBand,
				form,
				phone: null,
				phone_hash: phoneHash,
				non_disclosure: reason === 'non_disclosure',
				shared_number: reason === 'shared_number',
				follow_up: reason === 'follow_up',
				minor_consent: ageBand === '0-17' && reason !== 'minor'
			};
			if (reason) {
				visits.push({ ...base, status: 'excluded', excluded_reason: reason });
				continue;
			}
			const sentAt = base.send_after;
			const answers = form === 'text' && rand() < ANSWER_RATE[ageBand];
			if (!answers) {
				visits.push({
					...base,
					status: 'sent',
					sent_at: sentAt,
					sms_step: form === 'link' ? 3 : 0
				});
				continue;
			}
			const answeredAt = new Date(sentAt.getTime() + Math.floor(rand() * 3 * 3600_000));
			const a: Record<string, string | number> = { nps: npsScore(rand, ((ui * 3) % 10) / 10) };
			if (rand() < 0.8) a.s1 = 1 + Math.floor(rand() * 5);
			visits.push({
				...base,
				status: 'sent',
				sent_at: sentAt,
				sms_step: 3,
				sms_answers: JSON.stringify(a),
				answered_at: answeredAt,
				last_reply_at: answeredAt,
				completed_at: answeredAt
			});
			responses.push({
				clientId: `sms:v-demo-${n}`,
				unitId: u.id,
				channel: 'sms',
				answers: a,
				locale: base.locale as 'fi' | 'sv' | 'en',
				answeredAt
			});
		}
	}
	// Today's visits wait for tomorrow's noon (made-up numbers, kept until then).
	for (let i = 0; i < 6; i++) {
		const visitedAt = new Date(now.getTime() - (i + 1) * 600_000);
		const phone = `+35840999${String(i).padStart(4, '0')}`;
		visits.push({
			source_id: source.id,
			external_id: `demo-today-${i}`,
			unit_id: units[i % units.length].id,
			visited_at: visitedAt,
			send_after: sendAfter(visitedAt),
			locale: 'fi',
			age_band: '45-64',
			form: 'text',
			phone,
			phone_hash: keyedHash(key, phone),
			status: 'queued'
		});
	}
	for (let i = 0; i < visits.length; i += 500)
		await db
			.insertInto('feedback_visit')
			.values(visits.slice(i, i + 500))
			.execute();
	for (let i = 0; i < responses.length; i += 500)
		await submitResponses(db, responses.slice(i, i + 500));
}
