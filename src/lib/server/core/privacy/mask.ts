/**
 * The one masking rule for free text residents write (feedback answers and cases, conversation
 * statements, Polis imports): Finnish personal identity codes (henkilötunnus) and phone numbers
 * are replaced before the text is stored, so neither staff nor the public ever see them.
 *
 * Henkilötunnus: DDMMYY, century sign, NNN, check character. Century signs: + (1800s);
 * - Y X W V U (1900s); A B C D E F (2000s) — the letters besides + - A came in 2023. People also
 * type an en/em dash or a minus sign for the hyphen, or a space instead of the sign
 * (`131052 308T`). The check character is validated (DDMMYYNNN mod 31 →
 * "0123456789ABCDEFHJKLMNPRSTUVWXY"), so ordinary numbers are not masked by accident.
 *
 * Phones: +358, 00358 or a leading 0, then 5–10 more digits, with single spaces, hyphens or
 * dashes, dots or slashes between them (`040 123 4567`, `040.123.4567`, `040/1234567`,
 * `+358 (0)40 1234567`). Calendar dates (`01.02.2026`) are not phones.
 *
 * Zero-width characters (which hide a code from a plain pattern) are removed from the text first:
 * they carry nothing a reader can see.
 */
const ZERO_WIDTH = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;
/** Hyphen look-alikes: hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar, minus. */
const DASH = '\\-\\u2010-\\u2015\\u2212\\ufe63\\uff0d';
const HETU = new RegExp(
	`(?<![\\p{L}\\p{N}])(\\d{6})(?:[ \\t]*([${DASH}+A-FU-Y])[ \\t]*|[ \\t]+)(\\d{3})([0-9A-Y])(?![\\p{L}\\p{N}])`,
	'giu'
);
const SEP = `[ \\t.\\/${DASH}]`;
const PHONE = new RegExp(
	`(?<![\\p{L}\\p{N}+(])\\(?(?:\\+358|00358|0)(?:${SEP}?\\(0\\))?${SEP}?\\(?\\d{1,3}\\)?(?:${SEP}?\\d){5,10}(?!\\p{N})`,
	'gu'
);
const DATE = /^\d{1,2}([./-])\d{1,2}\1\d{2,4}$/;
const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

export const HETU_MASK = '[henkilötunnus]';
export const PHONE_MASK = '[puhelinnumero]';

/** True for a well-formed identity code with a valid date part and check character. */
export function isValidHetu(code: string): boolean {
	const m = new RegExp(`^(\\d{6})(?:[${DASH}+A-FU-Y]| )(\\d{3})([0-9A-Y])$`, 'iu').exec(code);
	if (!m) return false;
	return validParts(m[1], m[2], m[3]);
}

function validParts(date: string, serial: string, check: string): boolean {
	const dd = Number(date.slice(0, 2));
	const mm = Number(date.slice(2, 4));
	if (dd < 1 || dd > 31 || mm < 1 || mm > 12) return false;
	return CHECK_CHARS[Number(date + serial) % 31] === check.toUpperCase();
}

export function maskPersonalData(text: string): string {
	return text
		.replace(ZERO_WIDTH, '')
		.replace(
			HETU,
			(match, date: string, _sign: string | undefined, serial: string, check: string) =>
				validParts(date, serial, check) ? HETU_MASK : match
		)
		.replace(PHONE, (match) => (DATE.test(match) ? match : PHONE_MASK));
}
