/** A redirect target from user input: same-site paths only, never an open redirect. */
const BASE = 'http://same-site.invalid';

export function safeRedirectTarget(target: string | null | undefined, fallback = '/'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//')) return fallback;
	// Browsers read '\' as '/' and drop tabs and newlines inside URLs, so '/\evil.example' or
	// '/\t/evil.example' arrive as '//evil.example', another site. Refuse them all.
	for (const ch of target) {
		const c = ch.charCodeAt(0);
		if (ch === '\\' || c < 0x20 || c === 0x7f) return fallback;
	}
	// Whatever else the URL parser makes of it must still be a path on this site.
	try {
		if (new URL(target, BASE).origin !== BASE) return fallback;
	} catch {
		return fallback;
	}
	return target;
}
