/**
 * Demo conversation for the embedded database: the county's digital-services pilot topic with
 * seed statements and illustrative (simulated) votes from 40 made-up participants.
 */
import type { ConversationsDb } from './conversations.db';
import { createConversationSchema } from './conversations.schemas';
import { createConversation, voteAs } from './conversations.service';
import { computeMapNow } from './map-worker';

const SEEDS = [
	'Asioin mieluiten sähköisesti, jos se on mahdollista.',
	'Chat-palvelussa saan apua nopeammin kuin puhelimessa.',
	'Takaisinsoittopalvelu toimii minulle hyvin.',
	'Sähköiset palvelut ovat liian vaikeita käyttää.',
	'Minun pitää aina voida asioida myös kasvokkain.',
	'Omaolo-palvelun oirearvio on hyödyllinen.',
	'Sähköisen asioinnin tunnistautuminen on hankalaa.',
	'Ikääntyneet tarvitsevat apua digipalvelujen käytössä.',
	'Haluan nähdä omat tietoni ja ajanvaraukset yhdestä paikasta.',
	'Digipalvelut säästävät aikaani.'
];

export async function seedConversationsDemo(db: ConversationsDb): Promise<void> {
	const moderator = await db
		.selectFrom('app_user')
		.select('id')
		.where('email', '=', 'moderaattori@demo.osallistu.fi')
		.executeTakeFirst();
	if (!moderator) return;
	const id = await createConversation(
		db,
		moderator.id,
		createConversationSchema.parse({
			topic: 'Miten koet asiakaslähtöiset digitaaliset palvelut?',
			description:
				'Esimerkkikeskustelu (demo). Vastaukset ja luvut ovat keksittyjä eivätkä kuvaa todellisia asukkaita.',
			seeds: SEEDS.join('\n')
		})
	);
	// Two illustrative camps (digital-first and in-person-first) with a shared view on statement 8.
	let seed = 42;
	const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	for (let p = 0; p < 40; p++) {
		const digital = p % 2 === 0;
		const votes = SEEDS.map((_, tid) => {
			const lean = [0, 1, 2, 5, 8, 9].includes(tid) === digital ? 1 : -1;
			const v = tid === 7 || tid === 8 ? 1 : rnd() < 0.8 ? lean : rnd() < 0.5 ? 0 : -lean;
			return { tid, vote: v as 1 | -1 | 0, clientId: `demo-${p}-${tid}` };
		}).filter(() => rnd() < 0.9);
		// A key no cookie can hold (like imported participants): nobody can vote as a demo person.
		await voteAs(db, id, { kind: 'anon', key: `demo:${p}` }, votes);
	}
	await computeMapNow(db, id);
}
