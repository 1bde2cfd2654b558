/**
 * Loads a Polis open-data export folder (participants-votes.csv + comments.csv) as engine input.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseComments, parseParticipantsVotes } from './polis-csv';
import type { OpinionMapInput } from './types';

export interface PolisExport {
	input: OpinionMapInput;
	/** Polis's own grouping from the export, keyed by participant id (null = not grouped). */
	polisGroups: Map<string, number | null>;
}

export function readPolisExport(folder: string): PolisExport {
	if (!existsSync(folder) || !statSync(folder).isDirectory()) {
		throw new Error(`${folder}: no such folder`);
	}
	const read = (name: string) => {
		const path = join(folder, name);
		if (!existsSync(path)) throw new Error(`${path}: file not found`);
		return { text: readFileSync(path, 'utf8'), path };
	};
	const pv = read('participants-votes.csv');
	const cm = read('comments.csv');
	const votes = parseParticipantsVotes(pv.text, pv.path);
	const comments = parseComments(cm.text, cm.path);
	const polisGroups = new Map<string, number | null>();
	votes.participants.forEach((p, i) => polisGroups.set(p, votes.groupIds[i]));
	return {
		input: {
			participants: votes.participants,
			comments: votes.comments,
			votes: votes.votes,
			modOut: comments.modOut,
			meta: comments.meta
		},
		polisGroups
	};
}
