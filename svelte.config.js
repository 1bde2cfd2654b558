import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		alias: { $ml: 'ml' },
		// Origin check stays on: every state change is a POST from our own origin.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
