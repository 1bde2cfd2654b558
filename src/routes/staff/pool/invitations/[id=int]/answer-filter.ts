import type { ReplyAnswer } from '$lib/server/pool';

/** `?answer=yes|no|maybe` (or none); false for anything else, which the page answers with 400. */
export function readAnswerFilter(url: URL): ReplyAnswer | undefined | false {
	const a = url.searchParams.get('answer') ?? '';
	if (a === '') return undefined;
	return a === 'yes' || a === 'no' || a === 'maybe' ? a : false;
}
