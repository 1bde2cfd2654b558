/**
 * One size limit for every file upload form (pool, feedback and conversation imports), set well
 * below the server's BODY_SIZE_LIMIT (16M in `npm start`; see the README): a file over this limit
 * still arrives whole, so the form can say what is wrong in the user's language. Only a request
 * beyond the body limit is cut off by the server itself (a 413 page from hooks.server.ts).
 */
export const MAX_UPLOAD_MB = 10;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
