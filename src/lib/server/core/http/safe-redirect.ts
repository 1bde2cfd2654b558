/** A redirect target from user input: same-site paths only, never an open redirect. */
export function safeRedirectTarget(target: string | null | undefined, fallback = '/'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\'))
		return fallback;
	return target;
}
