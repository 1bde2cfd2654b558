import { describe, expect, it } from 'vitest';
import { invitationDraft, invitationTarget } from './invitation-draft';

const ORIGIN = 'https://osallistu.example.fi';
const ID = '0b6f1c2e-4a5d-4e8f-9a1b-2c3d4e5f6a7b';

describe('invitationDraft', () => {
	it('reads hand-picked members, keeps the search filters and drops paging and activity keys', () => {
		const d = invitationDraft(
			new URLSearchParams(`member=${ID}&member=not-a-uuid&page=3&municipality=837&title=X`),
			ORIGIN,
			Date.parse('2026-06-01T09:00:00Z')
		);
		expect(d.memberIds).toEqual([ID]);
		expect(d.values.memberIds).toBe(ID);
		expect(d.filterQuery).toBe('municipality=837');
		// Two weeks ahead, as a day in Finland; no activity without a known activity type.
		expect(d.values.deadline).toBe('2026-06-15');
		expect(d.values.activityType).toBeUndefined();
	});

	it("prefills another module's activity in every language, with only in-portal links", () => {
		const params = (link: string) =>
			new URLSearchParams({ activityType: 'conversation', activityId: 'c1', title: 'Aihe', link });
		const d = invitationDraft(params('/conversations/c1'), ORIGIN);
		expect(d.values).toMatchObject({
			activityType: 'conversation',
			activityId: 'c1',
			title: 'Aihe'
		});
		for (const m of [d.values.messageFi, d.values.messageSv, d.values.messageEn])
			expect(m).toContain(`${ORIGIN}/conversations/c1`);
		expect(d.values.messageFi).not.toBe(d.values.messageEn);
		for (const bad of ['//evil.example/x', 'https://evil.example/x'])
			expect(invitationDraft(params(bad), ORIGIN).values.messageFi).toBeUndefined();
	});

	it('targets the hand-picked ids when there are any, else the posted filters', () => {
		expect(invitationTarget(`${ID},junk`, 'municipality=837')).toEqual({ memberIds: [ID] });
		expect(invitationTarget('', 'municipality=837')).toMatchObject({
			filters: { municipality: ['837'] }
		});
	});
});
