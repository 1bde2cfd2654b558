import { fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireRole } from '$lib/server/core/auth/guard';
import { helsinkiDay } from '$lib/server/core/time';
import {
	FeeError,
	saveRate,
	closePayrollMonth,
	closeMonthSchema,
	endRateOn,
	endRateSchema,
	listCorrections,
	listRates,
	monthSummaries,
	parseEuros,
	rateSchema,
	resolveCorrectionReport,
	resolveSchema,
	totals
} from '$lib/server/fees';
import type { FormMessage } from '$lib/forms';
import { formatter } from '$lib/i18n/format';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const { db } = await runtime();
	const year = Number(helsinkiDay(new Date()).slice(0, 4));
	const [rates, months, corrections, byLine, bySource] = await Promise.all([
		listRates(db),
		monthSummaries(db),
		listCorrections(db),
		totals(db, { by: 'service_line', year }),
		totals(db, { by: 'source', year })
	]);
	return {
		form: await superValidate(zod4(rateSchema)),
		rates,
		months,
		corrections,
		byLine,
		bySource,
		year
	};
};

/** A refusal of the small row forms (end a rate, close a month, resolve a report). */
const refuse = (key: string, params: Record<string, string> = {}) =>
	fail(400, { rowError: key, rowParams: params });

export const actions: Actions = {
	rate: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await superValidate<typeof rateSchema._zod.output, FormMessage>(
			event.request,
			zod4(rateSchema)
		);
		if (!form.valid) return fail(400, { form });
		const cents = parseEuros(form.data.euros);
		if (cents === null) return setError(form, 'euros', 'fees.errors.amount');
		const { db } = await runtime();
		try {
			await saveRate(db, admin.id, {
				kind: form.data.kind,
				cents,
				validFrom: form.data.validFrom,
				validTo: form.data.validTo || null
			});
		} catch (e) {
			if (!(e instanceof FeeError)) throw e;
			const day = (v: unknown) =>
				typeof v === 'string' ? formatter(event.locals.locale).day(v) : '–';
			return message(
				form,
				{
					type: 'error',
					key: e.key,
					params: {
						from: day(e.details.validFrom),
						to: day(e.details.validTo)
					}
				},
				{ status: 400 }
			);
		}
		return message(form, { type: 'success', key: 'fees.admin.rateAdded' });
	},
	endRate: async (event) => {
		const admin = requireRole(event, 'admin');
		const f = await superValidate(event.request, zod4(endRateSchema));
		if (!f.valid) return refuse('fees.errors.date');
		const { db } = await runtime();
		try {
			await endRateOn(db, admin.id, f.data.id, f.data.validTo);
		} catch (e) {
			if (e instanceof FeeError) return refuse(e.key);
			throw e;
		}
		return { rowDone: 'fees.admin.rateEnded' };
	},
	close: async (event) => {
		const admin = requireRole(event, 'admin');
		const f = await superValidate(event.request, zod4(closeMonthSchema));
		if (!f.valid) return refuse('fees.errors.month');
		const { db } = await runtime();
		try {
			await closePayrollMonth(db, admin.id, f.data.month);
		} catch (e) {
			if (e instanceof FeeError) return refuse(e.key, { month: f.data.month });
			throw e;
		}
		return { rowDone: 'fees.admin.monthClosed' };
	},
	resolve: async (event) => {
		const admin = requireRole(event, 'admin');
		const f = await superValidate(event.request, zod4(resolveSchema));
		if (!f.valid) return refuse('validation.invalid');
		const { db } = await runtime();
		try {
			await resolveCorrectionReport(db, admin.id, f.data.id);
		} catch (e) {
			if (e instanceof FeeError) return refuse(e.key);
			throw e;
		}
		return { rowDone: 'fees.admin.resolved' };
	}
};
