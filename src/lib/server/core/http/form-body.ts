/**
 * Form bodies that cannot be read are the sender's fault, not the server's: SvelteKit lets
 * `text/plain` through to form actions (HTML forms may send it) and `request.formData()` then
 * throws, as it does for a broken multipart body. Checked once, before any action runs, so every
 * action can call `formData()` as usual; the refusal carries a message in the user's language.
 */
import type { Locale } from '$lib/i18n';
import { translate } from '$lib/server/core/i18n/translate';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

function contentType(request: Request): string {
	return (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

/** A 400/415 response for a POST whose body is no readable form, or null when it is fine. */
export async function formBodyRefusal(request: Request, locale: Locale): Promise<Response | null> {
	if (!FORM_TYPES.includes(contentType(request))) return refusalResponse(request, locale, 415);
	try {
		await request.clone().formData();
		return null;
	} catch (e) {
		// Past BODY_SIZE_LIMIT adapter-node's body stream throws a 413: leave it to the action's
		// own formData(), so SvelteKit answers with the portal's translated 413 page.
		if ((e as { status?: number } | null)?.status === 413) return null;
		return refusalResponse(request, locale, 400);
	}
}

/** Reads a form in an endpoint (+server.ts): the form, or the refusal to return. */
export async function readFormOrRefusal(
	request: Request,
	locale: Locale
): Promise<FormData | Response> {
	return (await formBodyRefusal(request, locale)) ?? request.formData();
}

/**
 * A refusal answered before SvelteKit's own handling (hooks): the status's text in the user's
 * language, in the shape the caller reads.
 */
export function refusalResponse(request: Request, locale: Locale, status: number): Response {
	const key = [400, 401, 403, 404, 415, 429].includes(status) ? status : 400;
	return messageResponse(request, status, translate(locale, `core.errors.${key}`));
}

/** A refusal with its own (already translated) message, for endpoints that are no page. */
export function messageResponse(request: Request, status: number, message: string): Response {
	// use:enhance posts with this header and reads SvelteKit's action-result JSON.
	if (request.headers.get('x-sveltekit-action') === 'true')
		return Response.json({ type: 'error', status, error: { message } }, { status });
	if ((request.headers.get('accept') ?? '').includes('application/json'))
		return Response.json({ message }, { status });
	return new Response(message, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}
