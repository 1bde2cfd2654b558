/** The module's event handlers: new open answers are labelled within a delivery round (~1 s). */
import { defineHandler } from '../core/events';
import type { Tx } from '../core/db/database';
import type { TextanalysisTx } from './textanalysis.db';
import { labelAnswers } from './labelling.service';

export const labelOpenTexts = defineHandler({
	id: 'textanalysis.label-open-texts',
	event: 'feedback.open_texts_received',
	async handle(trx: Tx, p) {
		await labelAnswers(trx as unknown as TextanalysisTx, p.refs);
	}
});

export const TEXTANALYSIS_HANDLERS = [labelOpenTexts];
