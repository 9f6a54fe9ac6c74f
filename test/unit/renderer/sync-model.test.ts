// Offline sync never loses or repeats a change: the real console (LocalStore on IndexedDB + SyncEngine)
// against the real server over HTTP, under arbitrary edits by two people (the user on two consoles),
// restarts, restores from a backup and a faulty network.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { runSyncScenario, syncScenario } from '../../support/sync-model';
import { TEST_ENGINE } from '../../support/test-database';

/** `npm run soak` prints these for a violation it found: the run replays here and fast-check shrinks it. */
const replay =
  process.env.SYNC_MODEL_SEED === undefined
    ? {}
    : { seed: Number(process.env.SYNC_MODEL_SEED), path: process.env.SYNC_MODEL_PATH };
const scenarios = syncScenario(16);
/** Fewer on PostgreSQL, where every run copies a database: the same steps, against another engine. */
const runs = TEST_ENGINE === 'postgres' ? 30 : 200;

describe('offline sync, model-based', () => {
  it(
    'applies every change exactly once or shows its refusal, and converges to the server',
    async () => {
      await fc.assert(fc.asyncProperty(scenarios, runSyncScenario), { numRuns: runs, ...replay });
    },
    // About 150 s on two quiet cores; fast-check's shrinking of a counterexample needs the rest.
    600_000,
  );
});
