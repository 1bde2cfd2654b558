/**
 * Screens free text for Finnish personal identity codes (henkilötunnus) and phone numbers and
 * masks them before anything is stored, so staff never see them.
 *
 * Henkilötunnus: DDMMYY + century sign (+ - A–F Y X W V U) + NNN + check character. The check
 * character is validated (DDMMYYNNN mod 31 → "0123456789ABCDEFHJKLMNPRSTUVWXY"), so ordinary
 * numbers are not masked by accident.
 * Phones: +358 or a leading 0, then 6–12 digits with optional spaces or hyphens.
 */
const HETU = /\b(\d{2})(\d{2})(\d{2})([-+A-FYXWVU])(\d{3})([0-9A-Y])\b/gi;
const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const PHONE = /(?<![\w+])(?:\+358|00358|0)[\s-]?\(?\d{1,3}\)?(?:[\s-]?\d){5,10}(?!\d)/g;

export const HETU_MASK = '[henkilötunnus]';
export const PHONE_MASK = '[puhelinnumero]';

export function isValidHetu(code: string): boolean {
	const m = /^(\d{6})[-+A-FYXWVU](\d{3})([0-9A-Y])$/i.exec(code);
	if (!m) return false;
	const dd = Number(code.slice(0, 2));
	const mm = Number(code.slice(2, 4));
	if (dd < 1 || dd > 31 || mm < 1 || mm > 12) return false;
	return CHECK_CHARS[Number(m[1] + m[2]) % 31] === m[3].toUpperCase();
}

export function maskPersonalData(text: string): string {
	return text
		.replace(HETU, (match) => (isValidHetu(match) ? HETU_MASK : match))
		.replace(PHONE, PHONE_MASK);
}
