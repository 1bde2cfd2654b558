/**
 * One size limit for every file upload form (pool, feedback and conversation imports), set well
 * below the server's BODY_SIZE_LIMIT (16M in `npm start`; see the README): a file over this limit
 * still arrives whole, so the form can say what is wrong in the user's language. Only a request
 * beyond the body limit is cut off by the server itself (a 413 page from hooks.server.ts).
 */
export const MAX_UPLOAD_MB = 10;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

/**
 * An upload form's body, read here rather than inside superforms: superforms treats a body it
 * cannot read as an empty form, which would turn adapter-node's 413 (past BODY_SIZE_LIMIT) into
 * "choose a file"; read here, the 413 reaches the portal's translated error page as before.
 */
export function uploadedForm(request: Request): Promise<FormData> {
	return request.formData();
}
