// Scale bench (issue 13): `npm run bench -- [--tickets 50000] [--runs 3]`. Seeds a fresh portal whose
// lead's team holds N demo-story tickets, serves the built console, drives it in Chromium as the lead,
// and prints each figure as the median of the runs beside its same-run baseline; the last line of
// stdout is the figures as one JSON object. Progress goes to stderr.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPortalData } from './scale-data';
import { NOT_ASKED, measureConsole } from './scale-console';
import { FIGURE_KEYS, type FigureKey, type RunFigures, report } from './scale-report';
import { measureServerPull } from './scale-server-pull';
import { launchChromiumOnDisk, serveConsole, startPortal } from './scale-services';

const USAGE =
  'usage: npm run bench -- [--tickets N (default 50000; 5000, 20000, 100000…)] [--runs R (default 3)] [--only figure,figure…] [--profile DIR (a CPU profile of the console per step)]';

function options(): { tickets: number; runs: number; only: ReadonlySet<FigureKey>; profileDir: string | null } {
  try {
    const { values } = parseArgs({
      options: {
        tickets: { type: 'string', default: '50000' },
        runs: { type: 'string', default: '3' },
        only: { type: 'string', default: FIGURE_KEYS.join(',') },
        profile: { type: 'string' },
      },
    });
    const tickets = Number(values.tickets);
    const runs = Number(values.runs);
    const only = values.only.split(',');
    const known = (key: string): key is FigureKey => (FIGURE_KEYS as readonly string[]).includes(key);
    if (Number.isSafeInteger(tickets) && tickets >= 1 && Number.isSafeInteger(runs) && runs >= 1 && only.every(known))
      return {
        tickets,
        runs,
        only: new Set(only),
        profileDir: values.profile === undefined ? null : resolve(values.profile),
      };
  } catch {
    // Unknown options fall through to the usage line.
  }
  console.error(USAGE);
  process.exit(2);
}

const started = performance.now();
/** Other work on the machine skews every figure: the closing remarks say how busy it was. */
const loadAtStart = loadavg()[0] ?? 0;
const elapsed = () => {
  const seconds = Math.round((performance.now() - started) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};
const progress = (message: string) => console.error(`[${elapsed()}] ${message}`);

/** What the console logged as errors or threw, counted by message, for the closing remarks. */
const problems = new Map<string, number>();
const problem = (message: string) => problems.set(message, (problems.get(message) ?? 0) + 1);

/** Undone in reverse order on the way out, whether the bench ends, fails or is interrupted. */
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((error: unknown) => progress(`cleaning up: ${String(error)}`));
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

async function main(): Promise<void> {
  const { tickets, runs, only, profileDir } = options();
  if (profileDir !== null) await mkdir(profileDir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'css-console-bench-'));
  cleanups.push(() => rm(work, { recursive: true, force: true }));
  const dataDir = join(work, 'server');

  progress(`telling ${tickets.toLocaleString('en-GB')} demo-story tickets into ${dataDir}`);
  const { seq } = await createPortalData(dataDir, tickets);
  progress(`stored; the server's change number is ${seq}`);
  progress('building the console');
  const app = await serveConsole(join(work, 'console'));
  cleanups.push(() => app.close());
  const portal = await startPortal(dataDir, app.url);
  cleanups.push(() => portal.close());
  progress(`console at ${app.url}, server at ${portal.url}`);

  const results: RunFigures[] = [];
  for (let index = 1; index <= runs; index += 1) {
    progress(`run ${index} of ${runs}: server pull against the raw SELECT`);
    const figures: RunFigures = {};
    if (!only.has('serverPullVsSelect')) figures.serverPullVsSelect = { error: NOT_ASKED };
    else {
      try {
        figures.serverPullVsSelect = await measureServerPull(portal.url, dataDir, tickets);
      } catch (error) {
        progress(`  serverPullVsSelect not measured: ${String(error)}`);
        figures.serverPullVsSelect = { error: error instanceof Error ? error.message : String(error) };
      }
    }
    progress(`run ${index} of ${runs}: the console in Chromium, in a fresh profile on disk`);
    const chromiumOnDisk = await launchChromiumOnDisk();
    const { context } = chromiumOnDisk;
    const close = () => chromiumOnDisk.close();
    cleanups.push(close);
    try {
      Object.assign(
        figures,
        await measureConsole({
          context,
          appUrl: app.url,
          apiUrl: portal.url,
          dataDir,
          tickets,
          only,
          profileDir,
          progress,
          problem,
        }),
      );
    } finally {
      cleanups.splice(cleanups.indexOf(close), 1);
      await close();
    }
    results.push(figures);
  }

  const remarks = [
    ...[...problems].map(([message, count]) => `the console logged ${count} ×: ${message}`),
    `${runs} run${runs === 1 ? '' : 's'} at ${tickets.toLocaleString('en-GB')} tickets took ${elapsed()} (m:ss) in all`,
    `load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end, on ${availableParallelism()} cores`,
  ];
  console.log(report(tickets, results, remarks));
}

try {
  await main();
} catch (error) {
  progress(`the bench stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
