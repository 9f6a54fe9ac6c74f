/** JS heap after a forced garbage collection, through the DevTools protocol: the page's, and each of its Web Workers'. */
import type { CDPSession, Page } from '@playwright/test';

const MB = 1024 * 1024;

export interface HeapReading {
  pageMB: number;
  workersMB: number;
  workers: number;
}

/**
 * Playwright gives no DevTools session for a worker, so the page's own session attaches to its workers
 * the classic way (not flattened) and relays protocol messages to them. (A session on the browser did
 * that too, but when the bench is connected to Chromium over its DevTools port, Chromium dropped those
 * relayed sessions while they were in use.)
 */
async function workerSessions(page: CDPSession): Promise<string[]> {
  const sessions: string[] = [];
  const onAttached = (event: { sessionId: string; targetInfo: { type: string } }) => {
    if (event.targetInfo.type === 'worker') sessions.push(event.sessionId);
  };
  page.on('Target.attachedToTarget', onAttached);
  try {
    // Chromium tells of the targets already there before it answers.
    await page.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  } finally {
    page.off('Target.attachedToTarget', onAttached);
  }
  return sessions;
}

async function onWorker<T>(page: CDPSession, sessionId: string, calls: [string, object][]): Promise<T> {
  let result: unknown;
  for (const [index, [method, params]] of calls.entries()) {
    const id = index + 1;
    result = await new Promise<unknown>((resolve, reject) => {
      const onMessage = (event: { sessionId: string; message: string }) => {
        const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
        if (event.sessionId !== sessionId || reply.id !== id) return;
        page.off('Target.receivedMessageFromTarget', onMessage);
        if (reply.error !== undefined) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply.result);
      };
      page.on('Target.receivedMessageFromTarget', onMessage);
      page
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  }
  return result as T;
}

/** The page's heap and its dedicated workers'. */
export async function readHeap(page: Page): Promise<HeapReading> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('Performance.enable');
    const { metrics } = await session.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('the page reports no JSHeapUsedSize');
    const workers = await workerSessions(session);
    let workersBytes = 0;
    for (const worker of workers) {
      const usage = await onWorker<{ usedSize: number }>(session, worker, [
        ['HeapProfiler.collectGarbage', {}],
        ['Runtime.getHeapUsage', {}],
      ]);
      workersBytes += usage.usedSize;
    }
    return { pageMB: used / MB, workersMB: workersBytes / MB, workers: workers.length };
  } finally {
    await session.detach();
  }
}
