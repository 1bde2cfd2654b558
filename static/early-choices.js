// Choices made before the app's JavaScript runs survive hydration (slow phone networks).
// Svelte's bound <select>, and bound checkboxes under superforms, take the server's value when
// the page hydrates, which silently undid what a resident had already chosen. This records
// each choice made before then; src/lib/client/early-choices.ts puts them back once the app
// runs. A classic script from 'self' (the CSP allows no inline script), tiny and render-safe.
(function () {
	var choices = [];
	function record(e) {
		var el = e.target;
		if (!el || !el.form) return;
		var isBox = el.type === 'checkbox' || el.type === 'radio';
		if (el.tagName !== 'SELECT' && !isBox) return;
		var value = isBox
			? el.checked
			: Array.prototype.filter
					.call(el.options, function (o) {
						return o.selected;
					})
					.map(function (o) {
						return o.value;
					});
		choices = choices.filter(function (c) {
			return c.el !== el;
		});
		choices.push({ el: el, value: value });
	}
	document.addEventListener('change', record, true);
	window.__osallistuEarlyChoices = function () {
		document.removeEventListener('change', record, true);
		return choices;
	};
})();
