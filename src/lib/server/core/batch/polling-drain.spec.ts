import { describe, expect, it, vi } from 'vitest';
import { pollingDrain } from './polling-drain';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('pollingDrain', () => {
	it('drains while batches find work, then sleeps until the poll', async () => {
		vi.useFakeTimers();
		try {
			const work = [3, 2, 0, 1, 0];
			const batch = vi.fn(async () => work.shift() ?? 0);
			const d = pollingDrain(batch, 1000, 'test');
			await vi.advanceTimersByTimeAsync(0);
			expect(batch).toHaveBeenCalledTimes(3); // 3, 2, then 0: asleep
			await vi.advanceTimersByTimeAsync(999);
			expect(batch).toHaveBeenCalledTimes(3);
			await vi.advanceTimersByTimeAsync(1);
			expect(batch).toHaveBeenCalledTimes(5); // woke: 1, then 0
			await d.stop();
		} finally {
			vi.useRealTimers();
		}
	});

	it('a poke wakes a sleeping loop at once', async () => {
		const batch = vi.fn(async () => 0);
		const d = pollingDrain(batch, 60_000, 'test');
		await tick();
		expect(batch).toHaveBeenCalledTimes(1);
		d.poke();
		await tick();
		expect(batch).toHaveBeenCalledTimes(2);
		await d.stop();
	});

	it('a poke during a batch, or after the timer fired, never runs two batches at once', async () => {
		let inFlight = 0;
		let most = 0;
		let calls = 0;
		const batch = async () => {
			inFlight++;
			most = Math.max(most, inFlight);
			await new Promise((r) => setTimeout(r, 5));
			inFlight--;
			return ++calls < 4 ? 1 : 0;
		};
		const d = pollingDrain(batch, 1, 'test');
		for (let i = 0; i < 20; i++) {
			d.poke();
			await new Promise((r) => setTimeout(r, 1));
		}
		await d.stop();
		expect(most).toBe(1);
		expect(calls).toBeGreaterThan(4); // it kept polling after the drain
	});

	it('stop waits for the batch in flight and runs no more', async () => {
		let release!: () => void;
		const batch = vi.fn(
			() =>
				new Promise<number>((r) => {
					release = () => r(1);
				})
		);
		const d = pollingDrain(batch, 1, 'test');
		let stopped = false;
		const s = d.stop().then(() => (stopped = true));
		await tick();
		expect(stopped).toBe(false);
		release();
		await s;
		expect(batch).toHaveBeenCalledTimes(1);
		d.poke();
		await tick();
		expect(batch).toHaveBeenCalledTimes(1);
	});

	it('a batch that throws is logged by its label and the loop goes on', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		let n = 0;
		const batch = vi.fn(async () => {
			if (n++ === 0) throw new Error('boom');
			return 0;
		});
		const d = pollingDrain(batch, 1, 'mail worker');
		await new Promise((r) => setTimeout(r, 20));
		await d.stop();
		expect(log).toHaveBeenCalledWith('mail worker:', 'boom');
		expect(batch.mock.calls.length).toBeGreaterThan(1);
		log.mockRestore();
	});
});
