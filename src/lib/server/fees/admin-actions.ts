/**
 * The admin page's schedule and payroll actions, each in a transaction of its own (routes open
 * none: src/lib/server/layering.spec.ts). The functions they wrap take a transaction so that the
 * councils, panels and experts modules can record fees inside their own.
 */
import type { FeesDb } from './fees.db';
import { addRate, closeMonth, endRate, resolveCorrection, type NewRate } from './fees.service';

export const saveRate = (db: FeesDb, actorId: string, r: NewRate) =>
	db.transaction().execute((trx) => addRate(trx, actorId, r));

export const endRateOn = (db: FeesDb, actorId: string, id: number, validTo: string) =>
	db.transaction().execute((trx) => endRate(trx, actorId, id, validTo));

export const closePayrollMonth = (db: FeesDb, actorId: string, month: string) =>
	db.transaction().execute((trx) => closeMonth(trx, actorId, month));

export const resolveCorrectionReport = (db: FeesDb, actorId: string, id: number) =>
	db.transaction().execute((trx) => resolveCorrection(trx, actorId, id));
