import { describe, expect, it } from 'vitest';
import { shortcutCommand } from '../../../renderer/src/app/shortcuts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcutCommand', () => {
  it('maps Ctrl (or Cmd) with F, N, I, Shift+E and comma to the menu commands', () => {
    expect(shortcutCommand(press('f', { ctrlKey: true }), false)).toBe('find');
    expect(shortcutCommand(press('F', { metaKey: true }), true)).toBe('find');
    expect(shortcutCommand(press('n', { ctrlKey: true }), false)).toBe('new');
    expect(shortcutCommand(press('i', { ctrlKey: true }), true)).toBe('import');
    expect(shortcutCommand(press('E', { ctrlKey: true, shiftKey: true }), false)).toBe('export');
    expect(shortcutCommand(press('e', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutCommand(press(',', { ctrlKey: true }), false)).toBe('settings');
    // Ctrl+Alt is another keyboard layout's AltGr: never a shortcut.
    expect(shortcutCommand(press('f', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });

  it('takes / and ? only when the person is not typing; F1 always', () => {
    expect(shortcutCommand(press('/'), false)).toBe('find');
    expect(shortcutCommand(press('/'), true)).toBeNull();
    expect(shortcutCommand(press('?', { shiftKey: true }), false)).toBe('shortcuts');
    expect(shortcutCommand(press('?', { shiftKey: true }), true)).toBeNull();
    expect(shortcutCommand(press('F1'), true)).toBe('shortcuts');
    expect(shortcutCommand(press('a'), false)).toBeNull();
  });
});
