/**
 * Text normalisation fitted to Finnish morphology (Swedish and English pass through the same
 * path): Unicode NFKC, lower case, URLs/e-mail/digits folded to placeholders, words split on
 * anything that is not a letter. A light Finnish suffix stripper (`stem`) brings inflected
 * forms of one word together ("jonotin", "jonotus", "jonoa" → "jono"); the character n-grams
 * in features.ts carry what the stripper misses. There is no stop-word list at all, so the
 * negation verb ("ei", "en", "et", "emme", "ette", "eivät") and Swedish/English "inte", "not"
 * are always kept, and mark the words that follow them (negation scope, features.ts).
 */

const URL = /\b(?:https?:\/\/|www\.)\S+/gu;
const EMAIL = /\b[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}\b/gu;
const DIGITS = /\p{N}+/gu;

/** Lower-cased, NFKC, placeholders for URLs, e-mail addresses and numbers. */
export function normalise(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(URL, ' xurl ')
		.replace(EMAIL, ' xemail ')
		.replace(DIGITS, ' 0 ');
}

/** The words of a normalised text, in order ("0" for a number). */
export function tokenise(text: string): string[] {
	const norm = normalise(text);
	const out: string[] = [];
	for (const m of norm.matchAll(/[\p{L}]+(?:[-'’][\p{L}]+)*|0/gu)) out.push(m[0]);
	return out;
}

/** Negation words of Finnish (the verb "ei" in every person), Swedish and English. */
export const NEGATIONS = new Set([
	'ei',
	'en',
	'et',
	'emme',
	'ette',
	'eivät',
	'eikä',
	'enkä',
	'etkä',
	'inte',
	'ej',
	'aldrig',
	'not',
	'no',
	'never',
	"don't",
	"didn't",
	"isn't",
	"wasn't",
	"can't",
	'cannot'
]);

/**
 * Finnish endings, longest first: case endings, possessive suffixes, clitics and the commonest
 * derivational and verb endings. Stripping is greedy but always leaves at least 3 letters
 * (after which a doubled final consonant or vowel is shortened), so the stem is a key, not a
 * dictionary word: "jonotin" → "jono", "jonotus" → "jono", "jonoa" → "jono",
 * "jonottaa" → "jono", "jonossa" → "jono".
 */
const CLITICS = ['kaan', 'kään', 'kin', 'ko', 'kö', 'pa', 'pä', 'han', 'hän'];
const POSSESSIVES = [
	'mme',
	'nne',
	'nsa',
	'nsä',
	'ni',
	'si',
	'an',
	'en',
	'in',
	'on',
	'un',
	'yn',
	'än',
	'ön'
];
const ENDINGS = [
	// verb and derivational endings
	'ttaisiin',
	'isivat',
	'isivät',
	'tuksen',
	'tuksia',
	'tuksessa',
	'tuksia',
	'tetaan',
	'tetään',
	'ttiin',
	'ttaa',
	'ttää',
	'taan',
	'tään',
	'ivat',
	'ivät',
	'imme',
	'itte',
	'tus',
	'tys',
	'tin',
	'tti',
	'ksen',
	'isi',
	'nut',
	'nyt',
	'neet',
	'ut',
	'yt',
	// case endings (plural markers first)
	'iltä',
	'ilta',
	'ille',
	'issa',
	'issä',
	'ista',
	'istä',
	'ihin',
	'iden',
	'itten',
	'ien',
	'ssa',
	'ssä',
	'sta',
	'stä',
	'lla',
	'llä',
	'lta',
	'ltä',
	'lle',
	'ksi',
	'tta',
	'ttä',
	'na',
	'nä',
	'ja',
	'jä',
	'ta',
	'tä',
	'an',
	'en',
	'in',
	'on',
	'un',
	'yn',
	'än',
	'ön',
	'a',
	'ä',
	'n',
	't',
	'i'
];

const MIN_STEM = 3;

function stripOne(word: string, endings: readonly string[]): string {
	for (const e of endings) {
		if (word.length - e.length >= MIN_STEM && word.endsWith(e)) return word.slice(0, -e.length);
	}
	return word;
}

/** A light Finnish stem (see ENDINGS); short words and non-letters are returned as they are. */
export function stem(word: string): string {
	if (word.length <= MIN_STEM + 1 || NEGATIONS.has(word)) return word;
	let w = stripOne(word, CLITICS);
	w = stripOne(
		w,
		POSSESSIVES.filter((p) => p.length > 2)
	);
	for (let i = 0; i < 2; i++) {
		const next = stripOne(w, ENDINGS);
		if (next === w) break;
		w = next;
	}
	// Consonant gradation and doubled letters: "jonott" → "jono", "odott" → "odot".
	while (w.length > MIN_STEM && w[w.length - 1] === w[w.length - 2]) w = w.slice(0, -1);
	if (w.length > MIN_STEM + 1 && /[^aeiouyäö]t$/u.test(w) === false && w.endsWith('t')) {
		w = w.slice(0, -1);
	}
	return w;
}
