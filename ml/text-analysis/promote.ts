/**
 * The replacement rule. Labelled data is split once, by a hash of each example's id, into a
 * training part and a held-out part (1 in 5): an example stays on its side for every version,
 * so no version is ever scored on a row it learnt from. A candidate replaces the current model
 * only if its score on the held-out part (metrics.ts: mean macro-F1 of tone and labels) is at
 * least the current model's score on the same rows.
 */
import { fnv1a } from './features';
import { evaluate, type Evaluation } from './metrics';
import type { TextModel } from './model';
import type { Example } from './train';

export const HOLDOUT_SHARE = 5;

export const isHeldOut = (id: string) => fnv1a('holdout:' + id) % HOLDOUT_SHARE === 0;

export function splitExamples(examples: Example[]): { train: Example[]; holdout: Example[] } {
	const train: Example[] = [];
	const holdout: Example[] = [];
	for (const e of examples) (isHeldOut(e.id) ? holdout : train).push(e);
	return { train, holdout };
}

export interface PromotionDecision {
	promote: boolean;
	candidate: Evaluation;
	current: Evaluation | null;
}

/** Equal is enough ("at least as well"); a tiny tolerance absorbs float noise only. */
export function shouldPromote(candidate: number, current: number | null): boolean {
	return current === null || candidate >= current - 1e-9;
}

export function decidePromotion(
	candidate: TextModel,
	current: TextModel | null,
	holdout: Example[]
): PromotionDecision {
	const c = evaluate(candidate, holdout);
	const o = current ? evaluate(current, holdout) : null;
	return { promote: shouldPromote(c.score, o?.score ?? null), candidate: c, current: o };
}
