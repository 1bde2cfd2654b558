/**
 * How much message text the browser downloads as JavaScript on typical pages (issue 10).
 * Starts the built server (`npx vite build` first) on an in-memory demo database, opens each page in
 * Chromium with the language cookie set, records every JavaScript response the page really loads
 * (modulepreloads, the hydration imports and any chunk fetched later), and looks for each catalogue
 * text in it. A text counts once per page, in UTF-8 bytes; texts shorter than 8 characters are left
 * out because words like "OK" occur in code too.
 * Run: npx vite build && npx tsx bench/i18n/run.ts        (BENCH_PORT, default 4391)
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { readCatalogues, type Catalogues } from '../../scripts/i18n/catalogue';
import { routeKeys } from '../../scripts/i18n/routes';

const PORT = Number(process.env.BENCH_PORT ?? 4391);
const BASE = `http://localhost:${PORT}`;
const PAGES = ['/', '/feedback', '/conversations', '/auth/sign-in', '/nps', '/accessibility'];
const LOCALES = ['fi', 'sv', 'en'] as const;
const MIN_CHARS = 8;

async function waitFor(url: string, ms = 120_000) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`server did not start: ${url}`);
}

/** The forms a text can take in minified JavaScript: as written, or JSON-escaped. */
function occurs(js: string, text: string): boolean {
	return js.includes(text) || js.includes(JSON.stringify(text).slice(1, -1));
}

export interface PageFigure {
	page: string;
	locale: string;
	jsBytes: number;
	/** UTF-8 bytes of catalogue texts found in the page's JavaScript, per locale of the text. */
	messageBytes: Record<string, number>;
	/** Mail texts found in the page's JavaScript. */
	mailTexts: number;
}

export function measure(js: string, cats: Catalogues, page: string, locale: string): PageFigure {
	const messageBytes: Record<string, number> = {};
	let mailTexts = 0;
	for (const l of LOCALES) {
		// Each distinct text once: some texts repeat under several keys.
		const seen = new Set<string>();
		let bytes = 0;
		for (const [key, text] of cats[l]) {
			if (text.length < MIN_CHARS || seen.has(text)) continue;
			seen.add(text);
			if (!occurs(js, text)) continue;
			bytes += Buffer.byteLength(text);
			if (key.startsWith('mail.')) mailTexts++;
		}
		messageBytes[l] = bytes;
	}
	return { page, locale, jsBytes: Buffer.byteLength(js), messageBytes, mailTexts };
}

async function main() {
	const cats = readCatalogues();
	const server = spawn('node', ['build'], {
		env: {
			...process.env,
			PORT: String(PORT),
			ORIGIN: BASE,
			PGLITE_DATA_DIR: 'memory://',
			DEMO_DATA: '1',
			SMTP_URL: '',
			MAIL_WORKER: '0'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu']
	});
	try {
		await waitFor(`${BASE}/`);
		const figures: PageFigure[] = [];
		for (const locale of ['fi', 'sv'] as const) {
			for (const path of PAGES) {
				const context = await browser.newContext();
				await context.addCookies([{ name: 'lang', value: locale, url: BASE }]);
				const page = await context.newPage();
				const scripts = new Map<string, Promise<string>>();
				page.on('response', (res) => {
					if (res.request().resourceType() === 'script' || res.url().endsWith('.js'))
						scripts.set(
							res.url(),
							res.text().catch(() => '')
						);
				});
				await page.goto(BASE + path, { waitUntil: 'networkidle' });
				const js = (await Promise.all(scripts.values())).join('\n');
				figures.push(measure(js, cats, path, locale));
				await context.close();
			}
		}
		console.log('page\tlocale\tJS bytes\tfi text\tsv text\ten text\tmail texts');
		for (const f of figures)
			console.log(
				[
					f.page,
					f.locale,
					f.jsBytes,
					f.messageBytes.fi,
					f.messageBytes.sv,
					f.messageBytes.en,
					f.mailTexts
				].join('\t')
			);
		const fi = figures.filter((f) => f.locale === 'fi');
		const avg = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
		const total = (f: PageFigure) => f.messageBytes.fi + f.messageBytes.sv + f.messageBytes.en;
		// What a per-message compiler without per-locale splitting (Paraglide JS 2 on SvelteKit today)
		// would ship at best: the same keys, each in all three languages, counted the same way.
		const routes = routeKeys([...cats.fi.keys()]);
		const allLocales = (path: string) =>
			LOCALES.reduce((sum, l) => {
				const seen = new Set<string>();
				for (const k of routes.get(path) ?? []) {
					const text = cats[l].get(k)!;
					if (text.length >= MIN_CHARS && !seen.has(text)) {
						seen.add(text);
						sum += Buffer.byteLength(text);
					}
				}
				return sum;
			}, 0);
		console.log(
			`\nSame keys in all three languages (per-message functions without locale splitting), mean: ` +
				`${avg(PAGES.map(allLocales))} bytes`
		);
		console.log(
			`Finnish pages, mean: ${avg(fi.map(total))} bytes of message text in the JavaScript ` +
				`(${avg(fi.map((f) => f.messageBytes.sv + f.messageBytes.en))} of them Swedish or English), ` +
				`${avg(fi.map((f) => f.jsBytes))} bytes of JavaScript in all`
		);
	} finally {
		await browser.close();
		server.kill();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
