/** Vote intake (JSON): see `handleVoteApi` in the conversations module for the contract. */
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';
import { handleVoteApi } from '$lib/server/conversations';

export const POST: RequestHandler = async (event) => handleVoteApi((await runtime()).db, event);
