import type { PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { translate } from '$lib/server/core/i18n/translate';
import { findingYears, metricView, participationMetric } from '$lib/server/impact';
import { listPopulation } from '$lib/server/pool';
import { listMunicipalities } from '$lib/server/core/org';

export const load: PageServerLoad = async (event) => {
	const { db } = await runtime();
	const y = Number(event.url.searchParams.get('year'));
	const years = await findingYears(db);
	const year = years.includes(y) ? y : null;
	const locale = event.locals.locale;
	return {
		year,
		years,
		municipalities: Object.fromEntries(
			(await listMunicipalities(db)).map((m) => [
				m.code,
				locale === 'sv' ? m.name_sv || m.name_fi : m.name_fi
			])
		),
		metric: metricView(
			await participationMetric(db, { year }),
			locale,
			translate(locale, 'impact.metric.noLine'),
			// The population shares the pool holds (public statistics), for reach.
			await listPopulation(db)
		)
	};
};
