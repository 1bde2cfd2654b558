/**
 * Pool benchmarks: `npx tsx bench/pool/run.ts [search] [invite] [mail] [--pglite-only]`.
 * The modules use Vite features ($lib, import.meta.glob), so they are loaded through Vite's SSR
 * loader, exactly as the server loads them.
 */
import { createServer } from 'vite';

const vite = await createServer({
	server: { middlewareMode: true, hmr: false, ws: false },
	appType: 'custom',
	logLevel: 'error'
});
try {
	const mod = (await vite.ssrLoadModule('/bench/pool/bench.ts')) as {
		main(args: string[]): Promise<void>;
	};
	await mod.main(process.argv.slice(2));
} finally {
	await vite.close();
}
