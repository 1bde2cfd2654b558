/**
 * Every module's settings schema, validated together when the runtime starts (a wrong value or
 * a misspelt `<MODULE>_…` name stops the start with the variable's name). The README's settings
 * tables list exactly these variables (`tests/integration/core/settings-readme.spec.ts`).
 * A new module adds its schema here (or, with module manifests, in its manifest).
 */
import { coreSettingsSchema } from './core/core.settings';
import type { SettingsSchema } from './core/settings';
import { poolSettingsSchema } from './pool';
import { conversationsSettingsSchema } from './conversations';
import { feedbackSettingsSchema } from './feedback';

export const settingsSchemas: Record<string, SettingsSchema> = {
	core: coreSettingsSchema,
	pool: poolSettingsSchema,
	conversations: conversationsSettingsSchema,
	feedback: feedbackSettingsSchema
};
