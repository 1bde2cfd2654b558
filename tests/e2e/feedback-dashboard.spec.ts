/**
 * The staff feedback dashboard as a handler reads it: the NPS trend and the units compared as
 * charts next to their tables, numbers and months in Finnish forms (issue 11).
 */
import { expect, test } from './fixtures';
import { DEMO, signIn } from './helpers';

test('the dashboard shows the trend and the units as charts with Finnish numbers', async ({
	page
}) => {
	await signIn(page, DEMO.feedback);
	await page.goto('/staff/feedback');
	await expect(page.getByTestId('staff-nps')).toHaveText(/^([+−]\d+|0),\d$/);
	await expect(page.getByRole('figure', { name: /Suositteluindeksi kuukausittain/ })).toBeVisible();
	await expect(page.getByRole('figure', { name: /Suositteluindeksi yksiköittäin/ })).toBeVisible();
	// Months in words, not 2026-11.
	const trend = page.getByRole('region', { name: 'Kuukausittain' });
	await expect(trend.getByRole('rowheader').first()).toHaveText(/^[a-zä]+kuu \d{4}$/);
});
