/** Binds the port to the shared engine in ml/opinion-map (not modified here). */
// Relative (not $ml) so the stand-alone map worker (map-worker-cli.ts, run by tsx) resolves it too.
import { computeOpinionMap as engine } from '../../../../ml/opinion-map/engine';
import type { OpinionMapState } from '../../../../ml/opinion-map/types';
import type { ComputeOpinionMap } from './opinion-map.port';

export const computeOpinionMap: ComputeOpinionMap = (input, previousState) =>
	engine(input, (previousState as OpinionMapState | null | undefined) ?? null);
