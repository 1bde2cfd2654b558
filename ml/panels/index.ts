/**
 * The panel-selection engine's surface for the web module: LEXIMIN (Flanigan et al. 2021) on
 * HiGHS, the legacy greedy baseline, the verifiable draw, quota diagnosis and replacements.
 * See README.md.
 */
export type {
	Distribution,
	LeximinStats,
	PanelInstance,
	PanelSpec,
	Quota,
	Volunteer,
	VolunteerType
} from './types';
export { PanelInputError, buildInstance, isFeasiblePanel, quotaCounts } from './instance';
export { parseQuotasCsv, parseVolunteersCsv } from './csv';
export { leximin, type LeximinOptions, type LeximinResult } from './leximin';
export { LegacyPool, LegacyFailedError, estimateLegacy } from './legacy';
export { COMMITMENT_FORMAT, canonicalData, commitment, distributionHash, drawPanel } from './draw';
export { diagnose, describeRelaxation, type Diagnosis, type QuotaRelaxation } from './diagnose';
export { proposeReplacement, type Replacement } from './replace';
export { seededRng, type Rng } from './prng';
export {
	ENGINE_VERSION,
	InfeasibleQuotasError,
	quotaTable,
	selectPanel,
	type PanelSelection,
	type QuotaOutcome,
	type SelectOptions
} from './select';
export { SolverError } from './solver';
