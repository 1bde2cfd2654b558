import { fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/core/auth/guard';
import {
	FeeError,
	correctionSchema,
	feesFor,
	listCorrections,
	reportCorrection,
	totals
} from '$lib/server/fees';
import type { FormMessage } from '$lib/forms';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = await runtime();
	// Only the signed-in person's own rows: the filter is their id, never a parameter.
	const [fees, byYear, corrections] = await Promise.all([
		feesFor(db, { payeeUserId: user.id }),
		totals(db, { by: 'year', payeeUserId: user.id }),
		listCorrections(db, { userId: user.id, limit: 20 })
	]);
	return { form: await superValidate(zod4(correctionSchema)), fees, byYear, corrections };
};

export const actions: Actions = {
	correction: async (event) => {
		const user = requireUser(event);
		const form = await superValidate<typeof correctionSchema._zod.output, FormMessage>(
			event.request,
			zod4(correctionSchema)
		);
		if (!form.valid) return fail(400, { form });
		const { db } = await runtime();
		try {
			await reportCorrection(db, user.id, {
				feeId: form.data.feeId === '' ? null : Number(form.data.feeId),
				body: form.data.body
			});
		} catch (e) {
			if (e instanceof FeeError) return setError(form, 'feeId', e.key);
			throw e;
		}
		return message(form, { type: 'success', key: 'fees.account.reported' });
	}
};
