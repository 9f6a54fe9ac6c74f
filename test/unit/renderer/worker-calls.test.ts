// Answers from a worker reach the call they answer: a slow answer to an older search is never shown for
// the newest, and a worker that stops fails what still waits instead of leaving it hanging.
import { describe, expect, it } from 'vitest';
import { workerCalls } from '../../../renderer/data/worker-calls';

describe('workerCalls', () => {
  it('settles each call with the answer that carries its number, in whatever order the answers come', async () => {
    const calls = workerCalls<string>();
    const sent: number[] = [];
    const older = calls.call((call) => sent.push(call));
    const newer = calls.call((call) => sent.push(call));
    expect(sent).toHaveLength(2);
    expect(sent[0]).not.toBe(sent[1]);
    calls.answer(sent[1] as number, 'results for "smith"');
    calls.answer(sent[0] as number, 'results for "s"');
    await expect(newer).resolves.toBe('results for "smith"');
    await expect(older).resolves.toBe('results for "s"');
  });

  it('fails one call with its own message, and every waiting call when the worker stops', async () => {
    const calls = workerCalls<string>();
    const numbers: number[] = [];
    const first = calls.call((call) => numbers.push(call));
    const second = calls.call((call) => numbers.push(call));
    const third = calls.call((call) => numbers.push(call));
    calls.fail(numbers[0] as number, 'The local database is damaged.');
    calls.failAll('Search stopped before this search was answered.');
    await expect(first).rejects.toThrow('The local database is damaged.');
    await expect(second).rejects.toThrow('Search stopped before this search was answered.');
    await expect(third).rejects.toThrow('Search stopped before this search was answered.');
    // An answer that arrives after its call was given up changes nothing.
    calls.answer(numbers[1] as number, 'late');
    await expect(second).rejects.toThrow('Search stopped');
  });
});
