/**
 * Puts back the choices a person made before the app ran (recorded by static/early-choices.js):
 * hydration sets bound selects and checkboxes to the server's values. Each restored element gets
 * a bubbling `change` event, which is what Svelte's `bind:value` / `bind:checked` listen to, so
 * the form's state (superforms' store) follows the DOM again.
 */
type EarlyChoice = { el: HTMLSelectElement | HTMLInputElement; value: boolean | string[] };

declare global {
	interface Window {
		__osallistuEarlyChoices?: () => EarlyChoice[];
	}
}

export function restoreEarlyChoices(): number {
	const choices = window.__osallistuEarlyChoices?.() ?? [];
	let restored = 0;
	for (const { el, value } of choices) {
		if (!el.isConnected) continue;
		if (el instanceof HTMLSelectElement && Array.isArray(value)) {
			const now = [...el.selectedOptions].map((o) => o.value);
			if (now.join('\u0000') === value.join('\u0000')) continue;
			for (const o of el.options) o.selected = value.includes(o.value);
		} else if (el instanceof HTMLInputElement && typeof value === 'boolean') {
			if (el.checked === value) continue;
			el.checked = value;
		} else continue;
		el.dispatchEvent(new Event('change', { bubbles: true }));
		restored++;
	}
	return restored;
}
