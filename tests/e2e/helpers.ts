/** Shared steps for end-to-end tests: demo accounts, signing in, reading captured mail. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Osallistu-demo-2026';
export const DEMO = {
	admin: 'admin@demo.osallistu.fi',
	staff: 'henkilosto@demo.osallistu.fi',
	pool: 'pooli@demo.osallistu.fi',
	council: 'raati@demo.osallistu.fi',
	experts: 'kokemus@demo.osallistu.fi',
	feedback: 'palaute@demo.osallistu.fi',
	moderator: 'moderaattori@demo.osallistu.fi',
	resident: 'asukas@demo.osallistu.fi'
} as const;

/** The mail folder of the server this test's project runs against (playwright.config.ts). */
function mailDir(): string {
	const dataDir = (test.info().project.metadata as { dataDir?: string }).dataDir ?? '.e2e-data';
	return path.join(dataDir, 'mail');
}

interface Mail {
	to: string;
	subject: string;
	text: string;
	date: string;
}

/**
 * Waits for the newest mail to an address (the outbox worker sends within a second or two).
 * `since` (a Date.now() taken before the action that sends it) ignores older mail, so a test
 * does not pick up a mail another test, or an earlier run of itself, caused.
 */
export async function waitForMail(
	to: string,
	subjectPart?: string,
	{ since = 0, timeoutMs = 15_000 }: { since?: number; timeoutMs?: number } = {}
): Promise<Mail> {
	const deadline = Date.now() + timeoutMs;
	const MAIL_DIR = mailDir();
	while (Date.now() < deadline) {
		if (fs.existsSync(MAIL_DIR)) {
			const mails = fs
				.readdirSync(MAIL_DIR)
				.filter((f) => f.endsWith('.json'))
				.sort()
				.reverse()
				.map((f) => JSON.parse(fs.readFileSync(path.join(MAIL_DIR, f), 'utf8')) as Mail)
				.filter(
					(m) =>
						m.to === to &&
						(!subjectPart || m.subject.includes(subjectPart)) &&
						Date.parse(m.date) >= since
				);
			if (mails.length) return mails[0];
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
}

export function firstLink(text: string): string {
	const m = /https?:\/\/\S+/.exec(text);
	if (!m) throw new Error('no link in mail');
	return m[0];
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/auth/sign-in');
	await page.getByLabel(/Sähköposti|E-post|E-mail/).fill(email);
	await page.getByLabel(/^\s*(Salasana|Lösenord|Password)\s*$/).fill(password);
	await page.getByRole('button', { name: /^(Kirjaudu|Logga in|Sign in)$/ }).click();
	await expect(page).not.toHaveURL(/\/auth\/sign-in/);
}
