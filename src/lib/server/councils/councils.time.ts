/** Calendar helpers the councils use, all through core's Europe/Helsinki time. */
import { endOfHelsinkiDay, helsinkiDay, HELSINKI, isHelsinkiDay } from '../core/time';
import { formatter } from '$lib/i18n/format';
import { isLocale } from '$lib/i18n';

export { helsinkiDay, HELSINKI };

/** A date (with `withTime`, date and time) as the reader's language writes it, in Helsinki. */
export function helsinkiDateText(d: Date, locale: string, withTime = false): string {
	const f = formatter(isLocale(locale) ? locale : 'fi');
	return withTime ? f.dateTime(d) : f.date(d);
}

/** A reply deadline picked as a day ends at midnight in Finland; undefined once it is over. */
export function replyDeadlineFor(day: string, now = new Date()): Date | undefined {
	if (!isHelsinkiDay(day)) return undefined;
	const end = endOfHelsinkiDay(day);
	return end.getTime() < now.getTime() ? undefined : end;
}
