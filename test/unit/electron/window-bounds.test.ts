/** The window reopens where it was, but always on a display that exists and fully visible. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, restoreBounds, sameWindowState, windowStateFrom, type DisplayArea } from '../../../src-main/electron/window-bounds';

const laptop: DisplayArea = { workArea: { x: 0, y: 0, width: 1366, height: 740 } };
const rightMonitor: DisplayArea = { workArea: { x: 1366, y: -200, width: 1920, height: 1040 } };

describe('restoreBounds', () => {
  it('opens a first window at the default size, centred, shrunk to a small screen', () => {
    expect(restoreBounds(null, [{ workArea: { x: 0, y: 0, width: 2560, height: 1400 } }])).toEqual({ width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT, maximized: false });
    expect(restoreBounds(null, [laptop])).toEqual({ width: DEFAULT_WIDTH, height: 740, maximized: false });
    expect(restoreBounds(null, [])).toEqual({ width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT, maximized: false });
  });

  it('restores a window that fits where it was', () => {
    const saved = { x: 100, y: 50, width: 900, height: 600, maximized: false };
    expect(restoreBounds(saved, [laptop, rightMonitor])).toEqual(saved);
    const onMonitor = { x: 1500, y: -100, width: 1200, height: 800, maximized: true };
    expect(restoreBounds(onMonitor, [laptop, rightMonitor])).toEqual(onMonitor);
  });

  it('pulls a window that hangs over an edge back inside the display it is mostly on', () => {
    expect(restoreBounds({ x: 1000, y: 500, width: 900, height: 600, maximized: false }, [laptop])).toEqual({ x: 466, y: 140, width: 900, height: 600, maximized: false });
    expect(restoreBounds({ x: -300, y: -40, width: 900, height: 600, maximized: false }, [laptop])).toEqual({ x: 0, y: 0, width: 900, height: 600, maximized: false });
    // Mostly on the monitor on the right: it stays there.
    expect(restoreBounds({ x: 1300, y: 0, width: 1000, height: 700, maximized: false }, [laptop, rightMonitor])).toEqual({ x: 1366, y: 0, width: 1000, height: 700, maximized: false });
  });

  it('shrinks a window larger than its display', () => {
    expect(restoreBounds({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [laptop])).toEqual({ x: 0, y: 0, width: 1366, height: 740, maximized: false });
  });

  it('brings a window from an unplugged monitor back to the primary display, centred', () => {
    expect(restoreBounds({ x: 2000, y: 100, width: 1600, height: 900, maximized: true }, [laptop])).toEqual({ width: 1366, height: 740, maximized: true });
  });

  it('centres a saved size without a position', () => {
    expect(restoreBounds({ width: 800, height: 600, maximized: false }, [laptop])).toEqual({ width: 800, height: 600, maximized: false });
  });
});

describe('windowStateFrom', () => {
  it('saves whole pixels and the settings minimum size', () => {
    expect(windowStateFrom({ x: 10.4, y: 20.6, width: 1000.2, height: 700.7 }, false)).toEqual({ x: 10, y: 21, width: 1000, height: 701, maximized: false });
    expect(windowStateFrom({ x: 0, y: 0, width: 100, height: 100 }, true)).toEqual({ x: 0, y: 0, width: 320, height: 240, maximized: true });
  });

  it('tells an unchanged state, so moving nowhere writes nothing', () => {
    const s = { x: 1, y: 2, width: 800, height: 600, maximized: false };
    expect(sameWindowState(s, { ...s })).toBe(true);
    expect(sameWindowState(s, { ...s, maximized: true })).toBe(false);
    expect(sameWindowState(null, s)).toBe(false);
  });
});
