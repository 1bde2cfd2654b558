/** QR codes and the printable poster (SVG, A4) that link to a unit's survey, channel = qr. */
import QRCode from 'qrcode';

export function surveyLink(origin: string, unitCode: string, surveyCode?: string | null): string {
	const u = new URL(`/feedback/${encodeURIComponent(unitCode)}`, origin);
	if (surveyCode) u.searchParams.set('survey', surveyCode);
	u.searchParams.set('c', 'qr');
	return u.toString();
}

export function qrSvg(link: string): Promise<string> {
	return QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

function esc(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Splits text into at most `maxLines` lines of about `perLine` characters at spaces (SVG text
 * does not wrap by itself: a long headline ran off the A4 sheet, issue 11). A last line that
 * would still be too long is shortened with an ellipsis.
 */
export function wrapLines(text: string, perLine: number, maxLines: number): string[] {
	const lines: string[] = [];
	let cur = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (!cur) cur = word;
		else if (cur.length + 1 + word.length <= perLine) cur += ` ${word}`;
		else {
			lines.push(cur);
			cur = word;
		}
	}
	if (cur) lines.push(cur);
	const kept = lines.slice(0, maxLines);
	if (lines.length > maxLines) kept[maxLines - 1] += ` ${lines.slice(maxLines).join(' ')}`;
	return kept.map((l) => (l.length > perLine ? `${l.slice(0, perLine - 1)}…` : l));
}

/** Centred lines as one <text> with a <tspan> per line. */
function textLines(lines: string[], y: number, lineHeight: number, attrs: string): string {
	const spans = lines
		.map((l, i) => `<tspan x="105" ${i ? `dy="${lineHeight}"` : `y="${y}"`}>${esc(l)}</tspan>`)
		.join('');
	return `<text x="105" ${attrs} text-anchor="middle">${spans}</text>`;
}

/** An A4 poster (210 × 297 mm): heading, unit name, the QR code and the link as text. */
export async function posterSvg(opts: {
	link: string;
	heading: string;
	unitName: string;
	orVisit: string;
}): Promise<string> {
	const qr = (await qrSvg(opts.link)).replace(
		'<svg ',
		'<svg x="30" y="84" width="150" height="150" '
	);
	return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" role="img" aria-label="${esc(opts.heading)}">
<rect width="210" height="297" fill="#fff"/>
<rect width="210" height="24" fill="#00506b"/>
<text x="105" y="16" font-family="sans-serif" font-size="9" fill="#fff" text-anchor="middle">Osallistu</text>
${textLines(wrapLines(opts.heading, 28, 2), 40, 12, 'font-family="sans-serif" font-size="11" font-weight="700"')}
${textLines(wrapLines(opts.unitName, 40, 2), 68, 9, 'font-family="sans-serif" font-size="8"')}
${qr}
<text x="105" y="248" font-family="sans-serif" font-size="6" text-anchor="middle">${esc(opts.orVisit)}</text>
<text x="105" y="258" font-family="monospace" font-size="4.5" text-anchor="middle">${esc(opts.link)}</text>
</svg>`;
}
