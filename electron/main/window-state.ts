/** The window's size, place and maximized state, remembered between starts and restored only where a screen still shows it. */
import type { Rectangle } from 'electron';
import { z } from 'zod';
import { parseAtBridge } from '../../shared/bridge-host';

export const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(960).max(100_000),
  height: z.number().int().min(600).max(100_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

/** How much of the title bar must be on a screen for the stored place to be used. */
const VISIBLE = 100;

/**
 * The stored state if it is valid and its top edge lies on one of `workAreas` (a monitor unplugged
 * since would otherwise open the window off screen); else null and the window opens centred.
 */
export function restoredWindowState(
  stored: unknown,
  workAreas: readonly Rectangle[],
  log: (message: string) => void,
): WindowState | null {
  if (stored === undefined) return null;
  const parsed = parseAtBridge(WindowState, stored, 'stored window state');
  if (!parsed.ok) {
    log(`${parsed.error}; opening the window at its default size`);
    return null;
  }
  const { x, y, width } = parsed.value;
  const onScreen = workAreas.some(
    (area) =>
      y >= area.y &&
      y < area.y + area.height - VISIBLE &&
      x + width > area.x + VISIBLE &&
      x < area.x + area.width - VISIBLE,
  );
  return onScreen ? parsed.value : null;
}
