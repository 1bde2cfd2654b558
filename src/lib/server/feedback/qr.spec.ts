import { describe, expect, it } from 'vitest';
import { posterSvg, wrapLines } from './qr';

describe('poster text', () => {
	it('wraps a long headline at spaces into lines that fit', () => {
		const lines = wrapLines('Kerro meille, millainen kokemuksesi palvelustamme oli tänään', 28, 2);
		expect(lines.length).toBe(2);
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(28);
		expect(lines.join(' ').startsWith('Kerro meille, millainen')).toBe(true);
	});

	it('shortens what does not fit in the last line with an ellipsis', () => {
		const lines = wrapLines('yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan', 12, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1].endsWith('…')).toBe(true);
		expect(lines[1].length).toBeLessThanOrEqual(12);
	});

	it('puts each line of the headline in its own tspan, escaped', async () => {
		const svg = await posterSvg({
			link: 'https://example.fi/feedback/x?c=qr',
			heading: 'Kerro meille, millainen kokemuksesi palvelustamme oli <tänään>',
			unitName: 'Hervannan terveysasema',
			orVisit: 'Tai mene osoitteeseen'
		});
		expect((svg.match(/<tspan/g) ?? []).length).toBeGreaterThanOrEqual(3);
		expect(svg).toContain('&#60;tänään&#62;');
	});
});
