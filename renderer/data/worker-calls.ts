/**
 * Calls to a Web Worker answered by number: each call waits for the answer that carries its number, so a
 * slow answer to an older call is never taken for a newer one's. The queue reader and search use it.
 */
export interface WorkerCalls<T> {
  /** Numbers a new call, hands the number to `send` (which posts the request) and waits for its answer. */
  call(send: (call: number) => void): Promise<T>;
  answer(call: number, value: T): void;
  fail(call: number, message: string): void;
  /** Every call still waiting fails with `message`: the worker stopped or broke. */
  failAll(message: string): void;
}

export function workerCalls<T>(): WorkerCalls<T> {
  const waiting = new Map<number, { resolve: (value: T) => void; reject: (error: Error) => void }>();
  let calls = 0;
  const settle = (call: number) => {
    const settled = waiting.get(call);
    waiting.delete(call);
    return settled;
  };
  return {
    call(send) {
      const call = ++calls;
      return new Promise<T>((resolve, reject) => {
        waiting.set(call, { resolve, reject });
        send(call);
      });
    },
    answer: (call, value) => settle(call)?.resolve(value),
    fail: (call, message) => settle(call)?.reject(new Error(message)),
    failAll(message) {
      for (const { reject } of waiting.values()) reject(new Error(message));
      waiting.clear();
    },
  };
}
