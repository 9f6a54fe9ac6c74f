/**
 * What goes wrong with the local copy, as the person at the console is told it: a damaged record read
 * back, a change the storage could not keep, a change the rules refuse.
 */
import { Dexie } from 'dexie';
import type { z } from 'zod';
import type { Refusal } from '../../shared/mutations';
import { describeZodError } from '../../shared/api/errors';

/** A record read back from IndexedDB that no longer matches its schema. */
export class LocalDataError extends Error {
  constructor(what: string, error: z.ZodError, consequence = '') {
    super(`The local copy of ${what} is damaged (${describeZodError(error)}).${consequence}`);
    this.name = 'LocalDataError';
  }
}

/**
 * The change could not be written to this computer's storage (full, or the browser refused more): it
 * is neither kept nor sent, and the person is told so while they still have it in front of them.
 */
export class ChangeNotSaved extends Error {
  constructor(cause: unknown) {
    const quota = cause instanceof Error && /quota/i.test(`${cause.name} ${cause.message}`);
    super(
      `Your change could not be saved on this computer${quota ? ': its storage is full' : ''}, so it was not sent. ` +
        `${quota ? 'Free some disk space, then make' : 'Make'} the change again.`,
      { cause },
    );
    this.name = 'ChangeNotSaved';
  }
}

/** Runs a write of the user's change; a failure of the storage itself becomes ChangeNotSaved. */
export async function savingChange<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const storage =
      error instanceof Dexie.DexieError || (error instanceof Error && error.name === 'QuotaExceededError');
    throw storage ? new ChangeNotSaved(error) : error;
  }
}

/** The change was refused locally by the same rules the server applies; nothing was written. */
export class RefusedChange extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = 'RefusedChange';
  }
}

/** The record as its schema reads it, or LocalDataError naming `what` (and the `consequence`). */
export function parseRecord<T>(schema: z.ZodType<T>, value: unknown, what: string, consequence?: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new LocalDataError(what, parsed.error, consequence);
  return parsed.data;
}
