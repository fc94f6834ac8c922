import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutDetail, menuTemplate, type MenuActions } from '../../../electron/main/menu.js';

function build(platform: NodeJS.Platform, isDev = false) {
  const actions: MenuActions = { command: vi.fn(), about: vi.fn(), openDataFolder: vi.fn() };
  return { actions, menu: menuTemplate({ platform, isDev, appName: 'License Desk' }, actions) };
}

const items = (menu: MenuItemConstructorOptions[], label: string) =>
  (menu.find((m) => m.label?.replace('&', '') === label)?.submenu ?? []) as MenuItemConstructorOptions[];
const byLabel = (list: MenuItemConstructorOptions[], label: string) => list.find((i) => i.label === label);
const roles = (list: MenuItemConstructorOptions[]) => list.map((i) => i.role).filter(Boolean);

describe('application menu', () => {
  it('has File, Edit, View and Help on Windows and Linux, with Settings and Quit in File', () => {
    const { menu } = build('win32');
    expect(menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = items(menu, 'File');
    expect(file.filter((i) => i.label).map((i) => [i.label, i.accelerator])).toEqual([
      ['New License…', 'CmdOrCtrl+N'],
      ['Import…', 'CmdOrCtrl+I'],
      ['Export…', 'CmdOrCtrl+Shift+E'],
      ['Settings', 'CmdOrCtrl+,'],
      ['Quit', undefined],
    ]);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('sends each command to the page', () => {
    const { menu, actions } = build('linux');
    const click = (item?: MenuItemConstructorOptions) => (item?.click as () => void)();
    click(byLabel(items(menu, 'File'), 'New License…'));
    click(byLabel(items(menu, 'File'), 'Import…'));
    click(byLabel(items(menu, 'File'), 'Export…'));
    click(byLabel(items(menu, 'File'), 'Settings'));
    click(byLabel(items(menu, 'Edit'), 'Find'));
    click(byLabel(items(menu, 'Help'), 'Keyboard Shortcuts'));
    expect(vi.mocked(actions.command).mock.calls.map((c) => c[0])).toEqual(['new', 'import', 'export', 'settings', 'find', 'shortcuts']);
    expect(byLabel(items(menu, 'Help'), 'Keyboard Shortcuts')?.accelerator).toBe('F1');
    click(byLabel(items(menu, 'Help'), 'About License Desk'));
    click(byLabel(items(menu, 'Help'), 'Open Data Folder'));
    expect(actions.about).toHaveBeenCalledOnce();
    expect(actions.openDataFolder).toHaveBeenCalledOnce();
  });

  it('Edit carries the standard roles and Find on CmdOrCtrl+F', () => {
    const edit = items(build('linux').menu, 'Edit');
    expect(roles(edit)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(byLabel(edit, 'Find')?.accelerator).toBe('CmdOrCtrl+F');
  });

  it('View reloads and opens developer tools only in development', () => {
    expect(roles(items(build('linux', false).menu, 'View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(items(build('linux', true).menu, 'View'))).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('on macOS puts About, Settings and Quit in the app menu and adds the Window menu', () => {
    const { menu } = build('darwin');
    expect(menu.map((m) => m.label ?? m.role)).toEqual(['License Desk', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
    const app = items(menu, 'License Desk');
    expect(app[0]?.label).toBe('About License Desk');
    expect(byLabel(app, 'Settings…')?.accelerator).toBe('CmdOrCtrl+,');
    expect(roles(app)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(items(menu, 'File').at(-1)?.role).toBe('close');
    expect(byLabel(items(menu, 'Help'), 'About License Desk')).toBeUndefined();
  });

  it('the About text names the version and the data folder', () => {
    expect(aboutDetail('0.1.0', '/home/u/.config/License Desk/data', '45.5.0')).toBe('Version 0.1.0\nElectron 45.5.0\n\nData folder:\n/home/u/.config/License Desk/data');
  });
});
