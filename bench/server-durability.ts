// What a durable push costs: `npx tsx bench/server-durability.ts [--notes 1000] [--dir DIR]`. Pushes the notes to
// a copy of the demo database, one per request and in full batches (PUSH_BATCH_MAX), with SQLite's synchronous
// NORMAL and FULL (the server's setting), and prints the time of each. Put --dir on the disk the server uses: on a
// tmpfs an fsync costs nothing and FULL looks free.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { API_PREFIX } from '../shared/api';
import { LoginResponse } from '../shared/api/auth';
import { PUSH_BATCH_MAX, PushResponse } from '../shared/api/sync';
import { systemClock } from '../shared/domain/time';
import type { Mutation } from '../shared/mutations';
import { buildServer } from '../server/app';
import { openDatabase } from '../server/db';
import { sqliteOf } from '../test/support/sqlite-image';
import { DEMO_PASSWORD, seedDemoData } from '../server/seed';

const ENGINEER = 'giulia.rossi@css.example';
const MODES = ['NORMAL', 'FULL'] as const;
const BATCH_SIZES = [1, PUSH_BATCH_MAX];

const { values } = parseArgs({
  options: { notes: { type: 'string', default: '1000' }, dir: { type: 'string', default: tmpdir() } },
});
const notes = Number(values.notes);
if (!Number.isSafeInteger(notes) || notes < 1) {
  console.error('usage: npx tsx bench/server-durability.ts [--notes N (at least 1)] [--dir DIR]');
  process.exit(2);
}

const workDir = mkdtempSync(join(values.dir, 'server-durability-'));

/** The seeded demo database as bytes, so that every run starts from the same file. */
async function demoImage(): Promise<Buffer> {
  const db = await openDatabase(':memory:');
  await seedDemoData(db, { clock: systemClock });
  const image = sqliteOf(db).serialize();
  await db.close();
  return image;
}

/** Milliseconds to push `notes` notes to the engineer's open tickets in batches of `batchSize`. */
async function timePushes(image: Buffer, mode: (typeof MODES)[number], batchSize: number): Promise<number> {
  const file = join(workDir, `${mode}-${batchSize}.sqlite`);
  writeFileSync(file, image);
  const db = await openDatabase(file);
  sqliteOf(db).pragma(`synchronous = ${mode}`);
  const app = buildServer({ db, clock: systemClock, logger: false });
  try {
    const login = await app.inject({
      method: 'POST',
      url: `${API_PREFIX}/auth/login`,
      payload: { email: ENGINEER, password: DEMO_PASSWORD },
    });
    const { token, user } = LoginResponse.parse(login.json());
    // Spread over the engineer's open tickets, so that no ticket grows enough to slow its own changes down.
    const ticketIds = (await db.teamChanges(user.teamId, 0, 10_000))
      .filter((ticket) => ticket.assignee?.id === user.id && ticket.stage !== 'closed')
      .map((ticket) => ticket.id);
    const mutations = Array.from({ length: notes }, (_, index): Mutation => ({
      id: randomUUID(),
      name: 'addNote',
      args: { ticketId: ticketIds[index % ticketIds.length], noteId: randomUUID(), body: `Note ${index}` },
      createdAt: new Date().toISOString(),
    }));
    const started = performance.now();
    for (let first = 0; first < mutations.length; first += batchSize) {
      const response = await app.inject({
        method: 'POST',
        url: `${API_PREFIX}/sync/push`,
        headers: { authorization: `Bearer ${token}` },
        payload: { clientId: randomUUID(), mutations: mutations.slice(first, first + batchSize) },
      });
      const { results } = PushResponse.parse(response.json());
      if (results.some((result) => result.status !== 'applied'))
        throw new Error(`a note was refused: ${response.body}`);
    }
    return performance.now() - started;
  } finally {
    await app.close();
    await db.close();
  }
}

try {
  const image = await demoImage();
  console.log(`${notes} notes pushed to a copy of the demo database in ${workDir}`);
  for (const batchSize of BATCH_SIZES) {
    for (const mode of MODES) {
      const ms = await timePushes(image, mode, batchSize);
      const per = batchSize === 1 ? 'one per request' : `batches of ${batchSize}`;
      console.log(
        `${per.padEnd(16)} synchronous=${mode.padEnd(6)} ${(ms / 1000).toFixed(2)} s, ${(ms / notes).toFixed(2)} ms a note`,
      );
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
