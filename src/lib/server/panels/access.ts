/** Who runs panels: the pool coordinators (the pool module's role) and admins. */
import { hasRole, type SessionUser } from '../core/auth/roles';

export function isPanelCoordinator(user: SessionUser | null): boolean {
	return hasRole(user, 'pool_coordinator');
}

/** A problem to show: an i18n key and its parameters (row, category, amounts). */
export interface PanelProblem {
	key: string;
	params?: Record<string, string | number>;
}

export type Result<T = object> = ({ ok: true } & T) | { ok: false; problems: PanelProblem[] };

export const problem = (key: string, params?: PanelProblem['params']): Result<never> => ({
	ok: false,
	problems: [{ key, ...(params ? { params } : {}) }]
});
