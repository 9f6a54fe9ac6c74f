/** The bench's figures: what each one is, how runs combine (medians), the table and the closing JSON line. */

export const FIGURE_KEYS = [
  'syncTicketsPerSecond',
  'syncVsBaseline',
  'serverPullVsSelect',
  'firstRowMs',
  'firstRowOfflineMs',
  'searchKeystrokeP95Ms',
  'searchResultsP95Ms',
  'openTicketP95Ms',
  'scrollLongestTaskMs',
  'heapMB',
  'push1000Ms',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** One run's reading of a figure, with its baseline from the same run and the numbers behind it. */
export interface Measurement {
  value: number;
  baseline: number | null;
  details: Record<string, number>;
  /** Something the numbers do not say, e.g. why a part of the figure could not be read. */
  note?: string;
}
export type Outcome = Measurement | { error: string };
export type RunFigures = Partial<Record<FigureKey, Outcome>>;

interface Aggregate {
  value: number | null;
  baseline: number | null;
  details: Record<string, number>;
  /** Why there is no value, or what only some runs saw. */
  note: string | null;
}

/** The middle sample (the mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) throw new Error('no samples');
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Nearest-rank percentile: a sample that was actually seen. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error('no samples');
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function aggregate(outcomes: readonly (Outcome | undefined)[]): Aggregate {
  const measured = outcomes.filter((outcome): outcome is Measurement => outcome !== undefined && 'value' in outcome);
  const errors = outcomes.flatMap((outcome) => (outcome !== undefined && 'error' in outcome ? [outcome.error] : []));
  const notes = [...new Set(measured.flatMap((m) => (m.note === undefined ? [] : [m.note])))];
  if (measured.length === 0) {
    return { value: null, baseline: null, details: {}, note: errors[0] ?? 'not measured' };
  }
  const baselines = measured.flatMap((m) => (m.baseline === null ? [] : [m.baseline]));
  const detailKeys = [...new Set(measured.flatMap((m) => Object.keys(m.details)))];
  const details = Object.fromEntries(
    detailKeys.map((key) => [
      key,
      median(measured.flatMap((m) => (key in m.details ? [m.details[key] as number] : []))),
    ]),
  );
  if (errors.length > 0) notes.push(`${errors.length} of ${outcomes.length} runs failed: ${errors[0]}`);
  return {
    value: median(measured.map((m) => m.value)),
    baseline: baselines.length === 0 ? null : median(baselines),
    details,
    note: notes.length === 0 ? null : notes.join('; '),
  };
}

const number = (value: number | undefined, decimals = 0) =>
  value === undefined
    ? '?'
    : value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const ms = (value: number | undefined) => `${number(value, value !== undefined && value < 10 ? 1 : 0)} ms`;
const seconds = (value: number | undefined) => `${number(value, 2)} s`;

interface FigureSpec {
  what: string;
  target: string;
  /** Decimals in the JSON line. */
  decimals: number;
  measured(a: Aggregate & { value: number }): string;
  baseline(a: Aggregate): string;
}

function specs(tickets: number): Record<FigureKey, FigureSpec> {
  const n = number(tickets);
  return {
    syncTicketsPerSecond: {
      what: `initial sync of ${n} from empty`,
      target: '≥ 5,000 tickets/s',
      decimals: 0,
      measured: (a) => `${number(a.value)} tickets/s (${seconds(a.details.seconds)})`,
      baseline: (a) =>
        `${number(a.baseline ?? undefined)} tickets/s: fetch+parse ${seconds(a.details.fetchSeconds)} + IndexedDB put ${seconds(a.details.putSeconds)}`,
    },
    syncVsBaseline: {
      what: 'initial sync ÷ bare fetch+parse+put',
      target: '≤ 1.5 ×',
      decimals: 2,
      measured: (a) =>
        `${number(a.value, 2)} × (${number(a.details.syncVsLayout, 2)} × the bare pages with their queue rows)`,
      baseline: (a) =>
        `the bare pages, same run; with a queue row put beside each ticket, as the console keeps them, ${number(a.details.layoutVsBare, 2)} ×`,
    },
    serverPullVsSelect: {
      what: `server pull of ${n} ÷ raw SELECT`,
      target: '≤ 3 ×',
      decimals: 2,
      measured: (a) =>
        `${number(a.value, 1)} × (pull ${seconds(a.details.pullSeconds)}, page ${number(a.details.pageSize)}, ${number(a.details.ticketsPerSecond)} tickets/s)`,
      baseline: (a) => `SELECT ${seconds(a.baseline ?? undefined)}`,
    },
    firstRowMs: {
      what: `start with ${n} cached → first queue row`,
      target: '≤ 400 ms',
      decimals: 1,
      measured: (a) => ms(a.value),
      baseline: (a) => `blank page paints in ${ms(a.baseline ?? undefined)}`,
    },
    firstRowOfflineMs: {
      what: 'the same, offline',
      target: '≤ 400 ms',
      decimals: 1,
      measured: (a) => ms(a.value),
      baseline: (a) => `blank page paints in ${ms(a.baseline ?? undefined)}`,
    },
    searchKeystrokeP95Ms: {
      what: 'search, keystroke → next frame',
      target: 'p95 ≤ 16 ms',
      decimals: 1,
      measured: (a) => `p95 ${ms(a.value)} (p50 ${ms(a.details.p50)}, ${number(a.details.keystrokes)} keys)`,
      baseline: (a) => `plain input p95 ${ms(a.baseline ?? undefined)}`,
    },
    searchResultsP95Ms: {
      what: 'search, keystroke → results shown',
      target: 'p95 ≤ 150 ms',
      decimals: 1,
      measured: (a) =>
        `p95 ${ms(a.value)} (p50 ${ms(a.details.p50)}; a first search typed ${seconds(a.details.firstTypedSeconds)} after start was answered at ${seconds(a.details.firstAnsweredSeconds)})`,
      baseline: () => '—',
    },
    openTicketP95Ms: {
      what: 'open a ticket from the queue',
      target: 'p95 ≤ 50 ms',
      decimals: 1,
      measured: (a) => `p95 ${ms(a.value)} (p50 ${ms(a.details.p50)}, ${number(a.details.clicks)} tickets)`,
      baseline: (a) => `raw IndexedDB get p95 ${ms(a.baseline ?? undefined)}`,
    },
    scrollLongestTaskMs: {
      what: 'scroll the queue top to bottom',
      target: 'no task > 50 ms',
      decimals: 1,
      measured: (a) =>
        `longest task ${ms(a.value)} (${number(a.details.longTasks)} long tasks, ${number(a.details.frames)} frames in ${seconds(a.details.seconds)})`,
      baseline: () => '—',
    },
    heapMB: {
      what: 'JS heap after GC, queue idle',
      target: '≤ 150 MB at 50k',
      decimals: 1,
      measured: (a) =>
        `${number(a.value, 1)} MB: page ${number(a.details.pageMB, 1)} MB + Web Workers (${number(a.details.workers)}) ${number(a.details.workersMB, 1)} MB`,
      baseline: () => '—',
    },
    push1000Ms: {
      what: '1,000 queued offline changes pushed',
      target: '≤ 2,000 ms',
      decimals: 0,
      measured: (a) => ms(a.value),
      baseline: (a) => `bare fetch ${ms(a.baseline ?? undefined)}`,
    },
  };
}

function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const [header, ...body] = rows;
  return [line(header ?? []), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...body.map(line)].join(
    '\n',
  );
}

/** The table for people, then the JSON line for machines (always the last line of stdout). */
export function report(tickets: number, runs: readonly RunFigures[], remarks: readonly string[]): string {
  const spec = specs(tickets);
  const rows: string[][] = [['what', `measured (median of ${runs.length})`, 'baseline (same runs)', 'target']];
  const footnotes: string[] = [];
  const json: Record<string, number | null> = { tickets };
  for (const key of FIGURE_KEYS) {
    const figure = aggregate(runs.map((run) => run[key]));
    const { what, target, decimals } = spec[key];
    const { value } = figure;
    if (value === null) {
      rows.push([what, `not measured [${footnotes.length + 1}]`, '—', target]);
    } else {
      const marker = figure.note === null ? '' : ` [${footnotes.length + 1}]`;
      rows.push([what, spec[key].measured({ ...figure, value }) + marker, spec[key].baseline(figure), target]);
    }
    if (figure.note !== null) footnotes.push(`[${footnotes.length + 1}] ${key}: ${figure.note}`);
    json[key] = value === null ? null : Number(value.toFixed(decimals));
  }
  return [table(rows), ...footnotes, ...remarks, JSON.stringify(json)].join('\n');
}
