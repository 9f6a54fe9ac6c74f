/**
 * The bench's code inside the console's page for the search keystrokes. Serialized by Playwright like
 * scale-page.ts's, under its rule: only the arguments, the DOM and what `installBench` leaves on `window`.
 */
import type { KeySample } from './scale-page';

/** Records keystrokes (keydown → painted frame) and changes to the queue's grid, until `stopKeystrokes`. */
export function recordKeystrokes(): void {
  const { __bench: state, __benchLib: lib } = window;
  state.stopKeys?.();
  state.keys = [];
  let keydownAt: number | null = null;
  const onKeydown = (event: KeyboardEvent) => (keydownAt = event.timeStamp);
  // Capturing at the document runs before React's listeners: the frame waits for whatever they do.
  const onInput = () => {
    if (keydownAt === null) return;
    const sample: KeySample = { keydownAt, frameAt: null };
    keydownAt = null;
    state.keys.push(sample);
    requestAnimationFrame(() => setTimeout(() => (sample.frameAt = performance.now())));
  };
  const observer = new MutationObserver((records) => {
    const grid = lib.grid();
    if (grid === null) return;
    const inGrid = records.some(
      (record) => grid.contains(record.target) || Array.from(record.addedNodes).some((node) => node.contains(grid)),
    );
    if (inGrid) state.gridChangedAt = performance.now();
  });
  document.addEventListener('keydown', onKeydown, { capture: true });
  document.addEventListener('input', onInput, { capture: true });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  state.stopKeys = () => {
    document.removeEventListener('keydown', onKeydown, { capture: true });
    document.removeEventListener('input', onInput, { capture: true });
    observer.disconnect();
    state.stopKeys = null;
  };
}

export function stopKeystrokes(): void {
  window.__bench.stopKeys?.();
}

/**
 * Waits for keystroke `index` to be painted and the grid to be quiet for `quietMs`; the results time
 * is when the grid last changed after the keydown (the painted frame if it did not change at all).
 */
export async function keystrokeSettled({
  index,
  quietMs,
  timeoutMs,
}: {
  index: number;
  quietMs: number;
  timeoutMs: number;
}) {
  const { __bench: state, __benchLib: lib } = window;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const sample = state.keys[index];
    if (sample !== undefined && sample.frameAt !== null) {
      const changedAt = state.gridChangedAt > sample.keydownAt ? state.gridChangedAt : sample.frameAt;
      if (performance.now() - Math.max(changedAt, sample.frameAt) >= quietMs) {
        return { keystrokeMs: sample.frameAt - sample.keydownAt, resultsMs: changedAt - sample.keydownAt };
      }
    }
    if (performance.now() > deadline) throw new Error(`keystroke ${index + 1} did not settle in ${timeoutMs} ms`);
    await lib.sleep(20);
  }
}

/** What the queue shows: its row count and the ticket numbers in the DOM, in order; changes when a search is answered. */
export function gridShows(): string {
  const grid = window.__benchLib.grid();
  const numbers = Array.from(grid?.querySelectorAll<HTMLElement>('[data-ticket-number]') ?? [])
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
    .map((row) => row.dataset.ticketNumber ?? '');
  return `${grid?.getAttribute('aria-rowcount') ?? '?'}: ${numbers.join(' ')}`;
}

export const PLAIN_INPUT_ID = 'bench-plain-input';

/** A bare <input> over the console, for the keystroke baseline. */
export function addPlainInput(id: string): void {
  const input = document.createElement('input');
  input.id = id;
  input.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647';
  document.body.append(input);
}

export function removePlainInput(id: string): void {
  document.getElementById(id)?.remove();
}
