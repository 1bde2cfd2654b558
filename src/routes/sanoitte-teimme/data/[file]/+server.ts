/** Open data: `<table>.csv` for each table, or `impact.json` with all of them (schema on /sanoitte-teimme/data). */
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { isOpenDataTable, openDataCsv, openDataJson } from '$lib/server/impact';

export const GET: RequestHandler = async ({ params }) => {
	const { db, config } = await runtime();
	const headers = { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' };
	if (params.file === 'impact.json')
		return json(await openDataJson(db, config.origin), { headers });
	const m = /^([a-z]+)\.csv$/.exec(params.file);
	if (!m || !isOpenDataTable(m[1])) error(404, 'not found');
	return new Response(await openDataCsv(db, m[1]), {
		headers: {
			...headers,
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="impact-${m[1]}.csv"`
		}
	});
};
