/**
 * The fees module's public surface: routes, tests and other modules (councils, panels,
 * experience experts) import from here only. Callers decide who may record a fee for their
 * event; these functions take the actor for the audit and trust that check.
 */
export { feesManifest } from './manifest';
export type { FeesTables } from './fees.tables';
export type { FeesDb, FeesExecutor, FeesTx } from './fees.db';
export {
	RATE_KINDS,
	FEE_KINDS,
	ACTUAL_COST_KINDS,
	rateAt,
	periodsOverlap,
	amountCents,
	firstOpenMonth,
	nextMonth,
	monthOf,
	euros,
	type RateKind,
	type FeeKind,
	type RatePeriod
} from './fees.types';
export { FeeError, type FeeErrorCode } from './fees.errors';
export {
	rateSchema,
	endRateSchema,
	closeMonthSchema,
	correctionSchema,
	resolveSchema,
	feeInputSchema,
	parseEuros,
	type RateInput,
	type FeeInput
} from './fees.schemas';
export {
	listRates,
	closedMonths,
	feesFor,
	totals,
	monthSummaries,
	listCorrections,
	type RateRow,
	type FeeRow,
	type FeeFilter,
	type TotalRow,
	type MonthSummary,
	type CorrectionRow
} from './fees.queries';
export {
	addRate,
	endRate,
	recordFee,
	correctFee,
	closeMonth,
	reportCorrection,
	resolveCorrection,
	type NewRate,
	type RecordedFee
} from './fees.service';
export { payrollCsv, PAYROLL_COLUMNS } from './payroll';
export { seedFeesDemo } from './demo';
export { saveRate, endRateOn, closePayrollMonth, resolveCorrectionReport } from './admin-actions';
