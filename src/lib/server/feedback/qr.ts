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

/** An A4 poster (210 × 297 mm): heading, unit name, the QR code and the link as text. */
export async function posterSvg(opts: {
	link: string;
	heading: string;
	unitName: string;
	orVisit: string;
}): Promise<string> {
	const qr = (await qrSvg(opts.link)).replace(
		'<svg ',
		'<svg x="30" y="80" width="150" height="150" '
	);
	return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" role="img" aria-label="${esc(opts.heading)}">
<rect width="210" height="297" fill="#fff"/>
<rect width="210" height="24" fill="#00506b"/>
<text x="105" y="16" font-family="sans-serif" font-size="9" fill="#fff" text-anchor="middle">Osallistu</text>
<text x="105" y="48" font-family="sans-serif" font-size="11" font-weight="700" text-anchor="middle">${esc(opts.heading)}</text>
<text x="105" y="66" font-family="sans-serif" font-size="8" text-anchor="middle">${esc(opts.unitName)}</text>
${qr}
<text x="105" y="246" font-family="sans-serif" font-size="6" text-anchor="middle">${esc(opts.orVisit)}</text>
<text x="105" y="256" font-family="monospace" font-size="4.5" text-anchor="middle">${esc(opts.link)}</text>
</svg>`;
}
