// Soak: the offline-sync model (test/support/sync-model.ts) run many times; `npm run soak -- --runs N --seed S`.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { runSyncScenario, syncScenario } from '../test/support/sync-model';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' } },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: npm run soak -- [--runs N (a whole number, at least 1)] [--seed S (an integer)]');
  process.exit(2);
}

/** How many to print in full: the first counterexample is what matters, the rest are counted. */
const SHOWN = 3;
let done = 0;
let violations = 0;
const started = performance.now();

function report(what: string, error: unknown): void {
  violations += 1;
  if (violations <= SHOWN)
    console.error(`\n${what}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}

// A rejection nobody awaited is a failure too, even if the run it belongs to has finished.
process.on('unhandledRejection', (error) => report('unhandled rejection', error));

const property = fc.asyncProperty(syncScenario(16), async (scenario) => {
  const run = done;
  try {
    await runSyncScenario(scenario);
  } catch (error) {
    // The property never fails, so every run is made and every violation counted; each replays alone.
    const replay = `SYNC_MODEL_SEED=${seed} SYNC_MODEL_PATH=${run} npx vitest run test/unit/renderer/sync-model.test.ts`;
    const steps = `other: ${scenario.other}, online: ${scenario.online}, faults: ${JSON.stringify(scenario.faults)}\nsteps: ${Array.from(scenario.steps, (step) => step.toString()).join(', ')}`;
    report(`violation in run ${run} (replay and shrink: ${replay})\n${steps}`, error);
  }
  done += 1;
  if (done % Math.max(1, Math.floor(runs / 20)) === 0 && done < runs) {
    const perRun = (performance.now() - started) / done;
    const left = Math.round(((runs - done) * perRun) / 1000);
    console.log(`${done}/${runs} runs, ${violations} violations, ${perRun.toFixed(0)} ms/run, about ${left} s to go`);
  }
  return true;
});

console.log(`soak: ${runs} runs of the sync model, seed ${seed}`);
await fc.assert(property, { numRuns: runs, seed });
const seconds = (performance.now() - started) / 1000;
console.log(`${seconds.toFixed(1)} s, ${((seconds * 1000) / done).toFixed(0)} ms/run`);
console.log(`runs: ${done}, violations: ${violations}`);
process.exitCode = violations > 0 ? 1 : 0;
