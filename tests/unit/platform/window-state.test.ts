import { describe, expect, it } from 'vitest';
import { clampToDisplays } from '../../../electron/main/window-state.js';

const laptop = { x: 0, y: 0, width: 1440, height: 876 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('clampToDisplays', () => {
  it('keeps a window that is on a display', () => {
    expect(clampToDisplays({ x: 100, y: 50, width: 1200, height: 800 }, [laptop])).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
    expect(clampToDisplays({ x: 1600, y: 100, width: 1400, height: 900 }, [laptop, monitorRight])).toEqual({ x: 1600, y: 100, width: 1400, height: 900 });
  });

  it('brings a window from an unplugged monitor back, centred on the primary display', () => {
    expect(clampToDisplays({ x: 1600, y: 100, width: 1400, height: 900 }, [laptop])).toEqual({ x: 20, y: 0, width: 1400, height: 876 });
  });

  it('brings back a window whose title bar is above or left of every display', () => {
    expect(clampToDisplays({ x: 100, y: -500, width: 1000, height: 700 }, [laptop])).toMatchObject({ x: 220, y: 88 });
    expect(clampToDisplays({ x: -1100, y: 10, width: 1150, height: 700 }, [laptop])).toMatchObject({ x: 145, y: 88 });
  });

  it('pulls a window hanging off an edge fully onto its display, and shrinks one larger than it', () => {
    expect(clampToDisplays({ x: 1000, y: 600, width: 1200, height: 800 }, [laptop])).toEqual({ x: 240, y: 76, width: 1200, height: 800 });
    expect(clampToDisplays({ x: 0, y: 0, width: 3000, height: 2000 }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 876 });
  });

  it('fits bounds without a position to the primary display and leaves centring to Electron', () => {
    expect(clampToDisplays({ width: 1440, height: 880 }, [{ x: 0, y: 0, width: 1366, height: 728 }])).toEqual({ width: 1366, height: 728 });
  });

  it('with no display information, changes nothing', () => {
    expect(clampToDisplays({ x: 5, y: 5, width: 900, height: 600 }, [])).toEqual({ x: 5, y: 5, width: 900, height: 600 });
  });
});
