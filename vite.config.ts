import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { messages } from './scripts/i18n/vite-plugin.ts';

export default defineConfig({
	// messages() first: it writes the key union that the type check and SvelteKit's sync read.
	plugins: [messages(), sveltekit()],
	ssr: {
		// PGlite loads its WASM and data files relative to its own module; argon2 is native.
		external: ['@electric-sql/pglite', '@node-rs/argon2']
	},
	optimizeDeps: { exclude: ['@electric-sql/pglite'] },
	test: {
		include: [
			'src/**/*.spec.ts',
			'ml/**/*.spec.ts',
			'tests/integration/**/*.spec.ts',
			'tests/ml/**/*.spec.ts',
			'tests/lint/**/*.spec.ts'
		],
		environment: 'node',
		globalSetup: ['tests/helpers/global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Two cores here: keep the database-heavy files from starving each other.
		maxWorkers: 2
	}
});
