/**
 * The model in use: the active `ta_model` row, else the model that ships with the project
 * (ml/text-analysis/model/default-model.json). Parsed models are cached by version; each call
 * asks the database only for the active version number.
 */
import { modelFromJson, type ModelJson, type TextModel } from '../../../../ml/text-analysis/model';
import shipped from '../../../../ml/text-analysis/model/default-model.json';
import type { TextanalysisExecutor } from './textanalysis.db';

export interface ModelInUse {
	version: number | null;
	model: TextModel;
}

let shippedModel: TextModel | null = null;
const cache = new Map<number, TextModel>();

export function shippedDefaultModel(): TextModel {
	shippedModel ??= modelFromJson(shipped as unknown as ModelJson);
	return shippedModel;
}

export const shippedModelJson = () => shipped as unknown as ModelJson;

export async function activeModel(db: TextanalysisExecutor): Promise<ModelInUse> {
	const row = await db
		.selectFrom('ta_model')
		.select('version')
		.where('status', '=', 'active')
		.executeTakeFirst();
	if (!row) return { version: null, model: shippedDefaultModel() };
	let model = cache.get(row.version);
	if (!model) {
		const full = await db
			.selectFrom('ta_model')
			.select('model')
			.where('version', '=', row.version)
			.executeTakeFirstOrThrow();
		model = modelFromJson(full.model);
		if (cache.size > 4) cache.clear();
		cache.set(row.version, model);
	}
	return { version: row.version, model };
}
