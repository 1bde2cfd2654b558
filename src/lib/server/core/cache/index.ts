export {
	cachedPromise,
	shortLivedCache,
	type ShortLivedCache,
	type ShortLivedCacheOptions
} from './short-lived-cache';
