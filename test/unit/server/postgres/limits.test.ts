// The rate limits hold across server processes on one PostgreSQL database: a burst split over them is
// held to the same count as one sent to a single process, the requests still at work included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../../shared/api';
import { WRONG_PASSWORDS_ALLOWED } from '../../../../server/sign-in';
import { type ServerProcess, startServerProcess } from '../../../support/server-process';
import { newPostgresDatabase } from '../../../support/test-database';
import { giulia } from '../fixtures';

describe('rate limits over two server processes', () => {
  let drop: () => Promise<void>;
  let servers: ServerProcess[];

  beforeAll(async () => {
    const database = await newPostgresDatabase();
    drop = database.drop;
    servers = await Promise.all([1, 2].map(() => startServerProcess(['--demo', '--database', database.url])));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await drop();
  });

  it('holds a burst of wrong passwords sent to both at once to the same ten', async () => {
    const burst = await Promise.all(
      Array.from({ length: 3 * WRONG_PASSWORDS_ALLOWED }, (_, attempt) =>
        fetch(`${servers[attempt % 2]?.url}${API_PREFIX}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: giulia.email, password: `guess-${attempt}` }),
        }),
      ),
    );
    const statuses = burst.map((answer) => answer.status).sort();
    expect(statuses).toEqual([
      ...Array<number>(WRONG_PASSWORDS_ALLOWED).fill(401),
      ...Array<number>(2 * WRONG_PASSWORDS_ALLOWED).fill(429),
    ]);
  });
});
