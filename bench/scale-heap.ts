/** JS heap after a forced garbage collection, through the DevTools protocol: the page's, and each of its Web Workers'. */
import type { Browser, CDPSession, Page } from '@playwright/test';

const MB = 1024 * 1024;

export interface HeapReading {
  pageMB: number;
  workersMB: number;
  workers: number;
}

/**
 * Playwright gives no DevTools session for a worker, so the browser's session attaches to it the
 * classic way (not flattened) and relays protocol messages to it.
 */
async function onWorker<T>(browser: CDPSession, targetId: string, calls: [string, object][]): Promise<T> {
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: false });
  try {
    let result: unknown;
    for (const [index, [method, params]] of calls.entries()) {
      const id = index + 1;
      result = await new Promise<unknown>((resolve, reject) => {
        const onMessage = (event: { sessionId: string; message: string }) => {
          const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
          if (event.sessionId !== sessionId || reply.id !== id) return;
          browser.off('Target.receivedMessageFromTarget', onMessage);
          if (reply.error !== undefined) reject(new Error(`${method}: ${reply.error.message}`));
          else resolve(reply.result);
        };
        browser.on('Target.receivedMessageFromTarget', onMessage);
        browser
          .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
          .catch(reject);
      });
    }
    return result as T;
  } finally {
    await browser.send('Target.detachFromTarget', { sessionId });
  }
}

/** The page's heap and its dedicated workers' (the bench keeps one page open at a time, so every worker is its). */
export async function readHeap(browser: Browser, page: Page): Promise<HeapReading> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('Performance.enable');
    const { metrics } = await session.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('the page reports no JSHeapUsedSize');

    const browserSession = await browser.newBrowserCDPSession();
    try {
      const { targetInfos } = await browserSession.send('Target.getTargets');
      const workers = targetInfos.filter((target) => target.type === 'worker');
      let workersBytes = 0;
      for (const worker of workers) {
        const usage = await onWorker<{ usedSize: number }>(browserSession, worker.targetId, [
          ['HeapProfiler.collectGarbage', {}],
          ['Runtime.getHeapUsage', {}],
        ]);
        workersBytes += usage.usedSize;
      }
      return { pageMB: used / MB, workersMB: workersBytes / MB, workers: workers.length };
    } finally {
      await browserSession.detach();
    }
  } finally {
    await session.detach();
  }
}
