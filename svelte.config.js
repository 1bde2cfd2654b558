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
		// Content Security Policy: SvelteKit adds hashes or nonces for its own inline script.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte writes style attributes (e.g. transitions); no inline script is allowed.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// Type-check the engines, benchmarks and configs too, not only src/ and tests/.
		typescript: {
			config: (cfg) => {
				cfg.include.push(
					'../ml/**/*.ts',
					'../bench/**/*.ts',
					'../scripts/**/*.ts',
					'../playwright.config.ts'
				);
				return cfg;
			}
		}
	}
};

export default config;
