/**
 * One retraining, as the worker thread runs it (retrain.thread.ts), pure and testable on the
 * main thread too: split the labelled examples by id (promote.ts), train a candidate on the
 * training part, score it and the current model on the held-out part, and say whether the
 * candidate replaces the current one.
 */
import { modelFromJson, modelToJson, type ModelJson } from '../../../../ml/text-analysis/model';
import { decidePromotion, splitExamples } from '../../../../ml/text-analysis/promote';
import { trainModel, type Example } from '../../../../ml/text-analysis/train';
import type { Evaluation } from '../../../../ml/text-analysis/metrics';

export interface RetrainInput {
	examples: Example[];
	labels: string[];
	current: ModelJson | null;
	/** Train the tone head again (false: keep the current model's tone head). */
	retrainTone: boolean;
	meta: Record<string, unknown>;
}

export interface RetrainOutput {
	model: ModelJson;
	promote: boolean;
	candidate: Evaluation;
	current: Evaluation | null;
	trainRows: number;
	holdoutRows: number;
	examplesPerLabel: Record<string, number>;
	seconds: number;
}

export async function runRetrain(input: RetrainInput): Promise<RetrainOutput> {
	const t0 = performance.now();
	const { train, holdout } = splitExamples(input.examples);
	const current = input.current ? modelFromJson(input.current) : null;
	const candidate = await trainModel(train, {
		labels: input.labels,
		tone: input.retrainTone || !current ? undefined : current.tone,
		meta: input.meta
	});
	const decision = decidePromotion(candidate, current, holdout);
	const examplesPerLabel: Record<string, number> = {};
	for (const e of input.examples) {
		if (e.tone) examplesPerLabel[`tone:${e.tone}`] = (examplesPerLabel[`tone:${e.tone}`] ?? 0) + 1;
		for (const l of e.labels ?? []) examplesPerLabel[l] = (examplesPerLabel[l] ?? 0) + 1;
	}
	return {
		model: modelToJson(candidate),
		promote: decision.promote,
		candidate: decision.candidate,
		current: decision.current,
		trainRows: train.length,
		holdoutRows: holdout.length,
		examplesPerLabel,
		seconds: (performance.now() - t0) / 1000
	};
}
