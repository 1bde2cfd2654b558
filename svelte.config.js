import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		alias: { $ml: 'ml' },
		// Origin check stays on: every state change is a POST from our own origin.
		csrf: { trustedOrigins: [] },
		// Type-check the engines, benchmarks and configs too, not only src/ and tests/.
		typescript: {
			config: (cfg) => {
				cfg.include.push('../ml/**/*.ts', '../bench/**/*.ts', '../playwright.config.ts');
				return cfg;
			}
		}
	}
};

export default config;
