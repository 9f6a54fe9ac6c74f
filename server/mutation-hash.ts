/** The fingerprint of a pushed mutation's payload: what makes a redelivery "the same change" as the first. */
import { createHash } from 'node:crypto';
import type { Mutation } from '../shared/mutations';

/** The value with every object's keys in order, so that key order, which JSON does not fix, cannot change the hash. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, canonical(record[key])]),
  );
}

/** SHA-256 (hex) of the canonical JSON of the mutation's name, args and createdAt: everything but its id. */
export function mutationHash({ name, args, createdAt }: Mutation): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical({ name, args, createdAt })))
    .digest('hex');
}
