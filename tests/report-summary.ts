/**
 * Prints one closing line for the whole suite ("Tests: N passed, N failed, N skipped") from the
 * JSON reports of vitest and Playwright, so CI logs end with a single count.
 */
import fs from 'node:fs';

interface Count {
	passed: number;
	failed: number;
	skipped: number;
}

function vitest(file: string): Count {
	const r = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		numPassedTests: number;
		numFailedTests: number;
		numPendingTests: number;
		numTodoTests: number;
	};
	return {
		passed: r.numPassedTests,
		failed: r.numFailedTests,
		skipped: r.numPendingTests + r.numTodoTests
	};
}

function playwright(file: string): Count {
	const r = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		stats: { expected: number; unexpected: number; flaky: number; skipped: number };
	};
	return {
		passed: r.stats.expected + r.stats.flaky,
		failed: r.stats.unexpected,
		skipped: r.stats.skipped
	};
}

const parts: Count[] = [];
const missing: string[] = [];
for (const [file, read] of [
	['.test-reports/vitest.json', vitest],
	['.test-reports/playwright.json', playwright]
] as const) {
	if (fs.existsSync(file)) parts.push(read(file));
	else missing.push(file);
}
const total = parts.reduce(
	(a, c) => ({
		passed: a.passed + c.passed,
		failed: a.failed + c.failed,
		skipped: a.skipped + c.skipped
	}),
	{ passed: 0, failed: 0, skipped: 0 }
);
if (missing.length) console.log(`(no report: ${missing.join(', ')})`);
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || missing.length ? 1 : 0);
