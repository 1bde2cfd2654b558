/** Messages between the web process and the panel engine's thread (plain, cloneable data). */
import type { PanelSpec, QuotaOutcome, QuotaRelaxation } from '../../../../ml/panels';

export type EngineRequest =
	| { id: number; op: 'diagnose'; spec: PanelSpec }
	| { id: number; op: 'select'; spec: PanelSpec; seed: string };

export type EngineFailure =
	| { kind: 'input'; problems: string[] }
	| { kind: 'infeasible'; relaxations: QuotaRelaxation[]; withinFlex: boolean }
	| { kind: 'error'; message: string };

export interface DrawnSelection {
	algorithm: string;
	seed: string;
	commitment: string;
	engine: string;
	selected: string[];
	probabilities: Record<string, number>;
	minProbability: number;
	quotaTable: QuotaOutcome[];
	distributionHash: string | null;
}

export type EngineReply =
	| { id: number; ok: true; op: 'diagnose'; feasible: boolean; relaxations: QuotaRelaxation[] }
	| { id: number; ok: true; op: 'select'; selection: DrawnSelection }
	| { id: number; ok: false; failure: EngineFailure };
