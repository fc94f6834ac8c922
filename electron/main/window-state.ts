import type { WindowBounds } from './window-policy.js';

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of the title bar must be on a display for a saved position to count as visible. */
const MIN_VISIBLE = 120;

function overlap(a: Area, b: Area): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Saved bounds made safe for today's displays (`screen.getAllDisplays()` work areas, primary first):
 * a window whose top strip is no longer on any display (a monitor unplugged, a resolution changed)
 * is moved back onto the primary one, and a window larger than its display shrinks to fit it.
 * Bounds without a position are only fitted, and Electron centres them.
 */
export function clampToDisplays(bounds: WindowBounds, areas: readonly Area[]): WindowBounds {
  const primary = areas[0];
  if (!primary) return bounds;
  const fit = (b: WindowBounds, area: Area): WindowBounds => ({ ...b, width: Math.min(b.width, area.width), height: Math.min(b.height, area.height) });
  if (bounds.x === undefined || bounds.y === undefined) return fit(bounds, primary);
  const titleBar: Area = { x: bounds.x, y: bounds.y, width: bounds.width, height: 40 };
  const home = areas.find((a) => {
    const o = overlap(titleBar, a);
    return o.width >= Math.min(MIN_VISIBLE, bounds.width) && o.height > 0;
  });
  if (!home) {
    const sized = fit(bounds, primary);
    return { ...sized, x: primary.x + Math.round((primary.width - sized.width) / 2), y: primary.y + Math.round((primary.height - sized.height) / 2) };
  }
  const sized = fit(bounds, home);
  return {
    ...sized,
    x: Math.min(Math.max(sized.x!, home.x), home.x + home.width - sized.width),
    y: Math.min(Math.max(sized.y!, home.y), home.y + home.height - sized.height),
  };
}
