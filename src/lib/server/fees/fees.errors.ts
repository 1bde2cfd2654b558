/** The typed refusals of the fees service; `key` is the i18n key of the message a page shows. */
export type FeeErrorCode =
	| 'overlap'
	| 'noRate'
	| 'unitRequired'
	| 'notFound'
	| 'dateOrder'
	| 'rateInUse'
	| 'alreadyClosed'
	| 'futureMonth'
	| 'notYours';

export class FeeError extends Error {
	readonly code: FeeErrorCode;
	readonly key: string;
	readonly details: Record<string, unknown>;
	constructor(code: FeeErrorCode, details: Record<string, unknown> = {}) {
		super(`fees: ${code} ${JSON.stringify(details)}`);
		this.name = 'FeeError';
		this.code = code;
		this.key = `fees.errors.${code}`;
		this.details = details;
	}
}
