/**
 * The promise, marked as handled: work started ahead of its use may fail before it is awaited, and its
 * failure is reported where it is awaited, not as an unhandled rejection meanwhile.
 */
export function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
