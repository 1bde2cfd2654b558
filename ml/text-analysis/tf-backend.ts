/**
 * TensorFlow.js for training, on a backend that installs from the npm registry alone: the WASM
 * backend (about 4× the plain CPU backend on dense layers here), else the pure-JS CPU backend
 * that `@tensorflow/tfjs` carries (TEXT_ANALYSIS_TF_BACKEND=cpu forces it). `@tensorflow/tfjs-node` is not used: its install script
 * downloads libtensorflow. Only training needs TF.js; inference is plain TypeScript (model.ts).
 */
import * as tf from '@tensorflow/tfjs';

let ready: Promise<string> | null = null;

async function pick(preferred: string | undefined): Promise<string> {
	if (preferred !== 'cpu') {
		try {
			await import('@tensorflow/tfjs-backend-wasm');
			if (await tf.setBackend('wasm')) {
				await tf.ready();
				return 'wasm';
			}
		} catch {
			// WASM unavailable (e.g. a bundle without the .wasm file): the CPU backend trains too.
		}
	}
	await tf.setBackend('cpu');
	await tf.ready();
	return 'cpu';
}

/** Selects the backend once per thread; returns its name. */
export function tfReady(preferred = process.env.TEXT_ANALYSIS_TF_BACKEND): Promise<string> {
	ready ??= pick(preferred);
	return ready;
}

export { tf };
