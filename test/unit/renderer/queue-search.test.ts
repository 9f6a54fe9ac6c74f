// What the queue shows as the user types in the search box: the search waits for the keystroke's frame
// to be painted, and only the latest text's answer is ever shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queueActions, useQueueStore } from '../../../renderer/data/stores/queue-store';
import type { SearchResult } from '../../../renderer/data/search/search-protocol';
import { ENGINEER, FIXED_NOW } from '../../fixtures/tickets';

/** Frames painted on demand: each callback asked for runs when `paint` is called. */
let frames: (() => void)[] = [];
async function paint(): Promise<void> {
  const due = frames;
  frames = [];
  for (const callback of due) callback();
  // The work after the frame runs as a task, and the answer it awaits as a microtask after that.
  await vi.advanceTimersByTimeAsync(0);
}

/** A search whose answers the test gives, by query. */
function searcher() {
  const asked: string[] = [];
  const pending = new Map<string, (result: SearchResult) => void>();
  const search = (query: string) => {
    asked.push(query);
    return new Promise<SearchResult>((resolve) => pending.set(query, resolve));
  };
  const answer = async (query: string, ids: string[]) => {
    pending.get(query)?.({ ids, total: ids.length, complete: true });
    await vi.advanceTimersByTimeAsync(0);
  };
  return { asked, search, answer };
}

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
});

afterEach(() => {
  queueActions.reset();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('typing in the queue search', () => {
  it('shows the letter at once and searches once the frame is painted, for the text typed by then', async () => {
    const { asked, search, answer } = searcher();
    queueActions.start(ENGINEER.id, search, new Date(FIXED_NOW));

    queueActions.setQuery('o');
    queueActions.setQuery('ou');
    expect(useQueueStore.getState().query).toBe('ou');
    expect(asked).toEqual([]);

    await paint();
    expect(asked).toEqual(['ou']);
    await answer('ou', ['t-1']);
    expect(useQueueStore.getState().search).toMatchObject({ query: 'ou', ids: ['t-1'] });
  });

  it('never shows the answer to a text the user has typed past', async () => {
    const { asked, search, answer } = searcher();
    queueActions.start(ENGINEER.id, search, new Date(FIXED_NOW));

    queueActions.setQuery('out');
    await paint();
    queueActions.setQuery('outl');
    await paint();
    await answer('outl', ['t-2']);
    await answer('out', ['t-1', 't-2']);

    expect(asked).toEqual(['out', 'outl']);
    expect(useQueueStore.getState().search).toMatchObject({ query: 'outl', ids: ['t-2'] });
  });

  it('searches nothing when the filters are cleared before the frame: the queue shows every row', async () => {
    const { asked, search } = searcher();
    queueActions.start(ENGINEER.id, search, new Date(FIXED_NOW));

    queueActions.setQuery('dkim');
    queueActions.clearFilters();
    await paint();

    expect(asked).toEqual([]);
    expect(useQueueStore.getState()).toMatchObject({ query: '', search: null });
  });

  it('shows every row again once the box is emptied, after the frame', async () => {
    const { search, answer } = searcher();
    queueActions.start(ENGINEER.id, search, new Date(FIXED_NOW));
    queueActions.setQuery('teams');
    await paint();
    await answer('teams', ['t-3']);

    queueActions.setQuery('');
    expect(useQueueStore.getState().search).not.toBeNull();
    await paint();
    expect(useQueueStore.getState().search).toBeNull();
  });
});
