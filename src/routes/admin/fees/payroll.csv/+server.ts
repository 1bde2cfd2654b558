/** The payroll CSV of one month (`?month=YYYY-MM`), the agreed column set of the fees README. */
import type { RequestHandler } from './$types';
import { translate } from '$lib/server/core/i18n/translate';
import { messageResponse } from '$lib/server/core/http/form-body';
import { requireRole } from '$lib/server/core/auth/guard';
import { recordAudit } from '$lib/server/core/audit';
import { runtime } from '$lib/server/runtime';
import { closeMonthSchema, payrollCsv } from '$lib/server/fees';

export const GET: RequestHandler = async (event) => {
	const admin = requireRole(event, 'admin');
	const parsed = closeMonthSchema.safeParse({ month: event.url.searchParams.get('month') ?? '' });
	if (!parsed.success)
		return messageResponse(event.request, 400, translate(event.locals.locale, 'fees.errors.month'));
	const { month } = parsed.data;
	const { db } = await runtime();
	const csv = await payrollCsv(db, month);
	await recordAudit(db, {
		actorUserId: admin.id,
		action: 'fees.export',
		entityType: 'fee_month',
		entityId: month
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="palkkiot-${month}.csv"`
		}
	});
};
