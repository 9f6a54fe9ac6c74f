// Soak: the offline-sync model (test/support/sync-model.ts) run many times;
// `npm run soak -- --runs N --seed S --workers W` (W processes, one per core, share the runs).
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runSyncScenario, syncScenario } from '../test/support/sync-model';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    workers: { type: 'string', default: '1' },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const workers = Number(values.workers);
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed) || !(workers >= 1 && workers <= 16)) {
  console.error(
    'usage: npm run soak -- [--runs N (a whole number, at least 1)] [--seed S (an integer)] [--workers W (1 to 16)]',
  );
  process.exit(2);
}

/**
 * Runs this script in `workers` processes, each on its share of the runs with its own seed (seed + i),
 * so that each violation it prints replays alone; resolves with the runs and violations of them all.
 */
async function soakInWorkers(): Promise<{ done: number; violations: number }> {
  const shares = Array.from({ length: workers }, (_, i) => Math.floor(runs / workers) + (i < runs % workers ? 1 : 0));
  const results = await Promise.all(
    shares.map(
      (share, i) =>
        new Promise<{ done: number; violations: number }>((resolve, reject) => {
          const args = [fileURLToPath(import.meta.url), '--runs', String(share), '--seed', String(seed + i)];
          const child = spawn(process.execPath, [...process.execArgv, ...args], {
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let last = '';
          child.stdout.setEncoding('utf8').on('data', (text: string) => {
            for (const line of text.split('\n').filter((line) => line !== '')) {
              console.log(`[worker ${i + 1}] ${line}`);
              last = line;
            }
          });
          child.on('error', reject);
          child.on('close', () => {
            const summary = /^runs: (\d+), violations: (\d+)$/.exec(last);
            if (summary === null) reject(new Error(`worker ${i + 1} stopped before its summary`));
            else resolve({ done: Number(summary[1]), violations: Number(summary[2]) });
          });
        }),
    ),
  );
  return {
    done: results.reduce((sum, result) => sum + result.done, 0),
    violations: results.reduce((sum, result) => sum + result.violations, 0),
  };
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

console.log(
  `soak: ${runs} runs of the sync model, seed ${seed}${workers > 1 ? ` (+1 per worker, ${workers} workers)` : ''}`,
);
if (workers > 1) ({ done, violations } = await soakInWorkers());
else await fc.assert(property, { numRuns: runs, seed });
const seconds = (performance.now() - started) / 1000;
console.log(`${seconds.toFixed(1)} s, ${((seconds * 1000) / done).toFixed(0)} ms/run`);
console.log(`runs: ${done}, violations: ${violations}`);
process.exitCode = violations > 0 ? 1 : 0;
