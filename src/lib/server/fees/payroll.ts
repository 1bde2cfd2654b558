/**
 * The payroll export of one month: the agreed column set (README.md, "Payroll CSV"), one line
 * per fee row whose payroll month it is, adjustments included. Excel-friendly: UTF-8 with BOM,
 * semicolons, decimal commas, CRLF, through core's CSV writer (formula cells neutralised).
 */
import { writeCsv } from '../core/csv';
import type { FeesExecutor } from './fees.db';
import { feesFor } from './fees.queries';

export const PAYROLL_COLUMNS = [
	'month',
	'payee_id',
	'payee_name',
	'kind',
	'quantity',
	'unit_rate_eur',
	'amount_eur',
	'source_type',
	'source_id',
	'event_date',
	'service_line',
	'label',
	'adjustment_of',
	'row_id'
] as const;

export async function payrollCsv(db: FeesExecutor, month: string): Promise<string> {
	const rows = await feesFor(db, { month, limit: 100_000 });
	rows.sort((a, b) => a.payee_name.localeCompare(b.payee_name, 'fi') || a.id - b.id);
	return writeCsv(
		[
			PAYROLL_COLUMNS,
			...rows.map((r) => [
				r.month,
				r.payee_user_id ?? '',
				r.payee_name,
				r.kind,
				r.quantity,
				r.unit_cents / 100,
				r.amount_cents / 100,
				r.source_type,
				r.source_id,
				r.event_on,
				r.service_line_code ?? '',
				r.label,
				r.adjustment_of === null ? '' : String(r.adjustment_of),
				String(r.id)
			])
		],
		{ bom: true, delimiter: ';', decimalComma: true }
	);
}
