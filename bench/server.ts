// Pull and push throughput of the reference server on SQLite and on PostgreSQL, with one and with two
// server processes: `npm run bench:server [-- --database URL --clients 8 --changes 1200 --pulls 300]`.
// Each configuration starts its processes from the command line (--demo) on a new database; `clients`
// consoles at once push notes to their engineers' open tickets (batches of 10) and pull the lead's whole
// team (one page), each request going to the processes in turn. --database names the PostgreSQL server
// (default: PORTAL_TEST_POSTGRES_URL, else the tests' role on 127.0.0.1), whose role may create databases.
import pg from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { API_PREFIX } from '../shared/api';
import { LoginResponse } from '../shared/api/auth';
import { PullResponse, PushResponse } from '../shared/api/sync';
import type { Mutation } from '../shared/mutations';
import { type DemoUser, demoUsers } from '../server/seed';
import { withoutPassword } from '../server/storage/postgres';
import { type ServerProcess, startServerProcess } from '../test/support/server-process';

const { values } = parseArgs({
  options: {
    database: {
      type: 'string',
      default: process.env.PORTAL_TEST_POSTGRES_URL ?? 'postgres://portal:portal@127.0.0.1:5432/postgres',
    },
    clients: { type: 'string', default: '8' },
    changes: { type: 'string', default: '1200' },
    pulls: { type: 'string', default: '300' },
  },
});
const [clients, changes, pulls] = [values.clients, values.changes, values.pulls].map(Number) as [
  number,
  number,
  number,
];
if (![clients, changes, pulls].every((n) => Number.isSafeInteger(n) && n > 0)) {
  console.error(
    'usage: npm run bench:server -- [--database URL] [--clients N] [--changes N] [--pulls N] (each at least 1)',
  );
  process.exit(2);
}
const BATCH = 10;

/** The processes of one configuration, and how to stop them and throw their data away. */
interface Started {
  servers: ServerProcess[];
  done(): Promise<void>;
}

async function onSqlite(): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-server-'));
  const server = await startServerProcess(['--demo', '--data', dir]);
  return {
    servers: [server],
    done: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function onPostgres(processes: number): Promise<Started> {
  const admin = new pg.Client({ connectionString: values.database });
  await admin.connect().catch((error: unknown) => {
    throw new Error(`cannot reach ${withoutPassword(values.database)}: ${String(error)}`, { cause: error });
  });
  const name = `portal_bench_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(values.database);
  url.pathname = `/${name}`;
  const servers = await Promise.all(
    Array.from({ length: processes }, () => startServerProcess(['--demo', '--database', url.href])),
  );
  return {
    servers,
    done: async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
    },
  };
}

async function call<T>(
  server: ServerProcess,
  path: string,
  token: string | null,
  parse: (body: unknown) => T,
  body?: unknown,
) {
  const response = await fetch(`${server.url}${API_PREFIX}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path} was answered ${response.status}: ${await response.text()}`);
  return parse(await response.json());
}

const signIn = (server: ServerProcess, user: DemoUser) =>
  call(server, '/auth/login', null, (body) => LoginResponse.parse(body).token, {
    email: user.email,
    password: user.password,
  });

/** Runs `total` jobs on `clients` workers at once; resolves with the seconds it took. */
async function timed(total: number, job: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) await job(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

interface Figures {
  changesPerSecond: number;
  pullsPerSecond: number;
  ticketsPerSecond: number;
}

async function measure({ servers }: Started): Promise<Figures> {
  const on = (index: number) => servers[index % servers.length] as ServerProcess;
  const engineers = demoUsers.filter((user) => user.role === 'engineer');
  const lead = demoUsers.find((user) => user.role === 'lead') as DemoUser;
  // Signed in once, on either process: the tokens are the database's.
  const tokens = await Promise.all(engineers.map((user, index) => signIn(on(index), user)));
  const leadToken = await signIn(on(0), lead);
  const openTickets = await Promise.all(
    engineers.map(async (user, index) => {
      const page = await call(on(index), '/sync/pull?limit=2000', tokens[index] as string, (body) =>
        PullResponse.parse(body),
      );
      return page.tickets.filter((ticket) => ticket.assignee?.id === user.id && ticket.stage !== 'closed');
    }),
  );

  const batches = Math.ceil(changes / BATCH);
  const pushSeconds = await timed(batches, async (batch) => {
    const engineer = batch % engineers.length;
    const tickets = openTickets[engineer] ?? [];
    const mutations = Array.from({ length: BATCH }, (_, index): Mutation => {
      const ticket = tickets[(batch + index) % tickets.length];
      if (ticket === undefined) throw new Error(`${engineers[engineer]?.name} has no open ticket in the demo data`);
      return {
        id: randomUUID(),
        name: 'addNote',
        args: { ticketId: ticket.id, noteId: randomUUID(), body: `Benchmark note ${batch}.${index}` },
        createdAt: new Date().toISOString(),
      };
    });
    const results = await call(
      on(batch),
      '/sync/push',
      tokens[engineer] as string,
      (body) => PushResponse.parse(body).results,
      {
        clientId: randomUUID(),
        mutations,
      },
    );
    if (results.some((result) => result.status !== 'applied')) throw new Error('a benchmark note was refused');
  });

  let pulled = 0;
  const pullSeconds = await timed(pulls, async (index) => {
    const page = await call(on(index), '/sync/pull?limit=2000', leadToken, (body) => PullResponse.parse(body));
    pulled += page.tickets.length;
  });
  return {
    changesPerSecond: (batches * BATCH) / pushSeconds,
    pullsPerSecond: pulls / pullSeconds,
    ticketsPerSecond: pulled / pullSeconds,
  };
}

const configurations: [string, () => Promise<Started>][] = [
  ['SQLite, 1 process', onSqlite],
  ['PostgreSQL, 1 process', () => onPostgres(1)],
  ['PostgreSQL, 2 processes', () => onPostgres(2)],
];

console.log(
  `${clients} consoles at once: ${changes} notes pushed in batches of ${BATCH}, then ${pulls} pulls of the lead's team`,
);
console.log(
  `${'configuration'.padEnd(26)}${'push, changes/s'.padStart(17)}${'pull, pulls/s'.padStart(15)}${'pull, tickets/s'.padStart(17)}`,
);
for (const [label, start] of configurations) {
  const started = await start();
  try {
    const figures = await measure(started);
    console.log(
      `${label.padEnd(26)}${figures.changesPerSecond.toFixed(0).padStart(17)}${figures.pullsPerSecond.toFixed(1).padStart(15)}${figures.ticketsPerSecond.toFixed(0).padStart(17)}`,
    );
  } finally {
    await started.done();
  }
}
