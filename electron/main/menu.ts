import type { AppCommandName } from '../../shared/ipc/events.js';

/** The roles this menu uses, as Electron names them. */
type MenuRole =
  | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'close' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll'
  | 'reload' | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'windowMenu' | 'help';

/**
 * The part of Electron's MenuItemConstructorOptions this menu uses, written out so the template stays
 * plain Node (assignable to Electron's type, checked where index.ts hands it to Menu.buildFromTemplate).
 */
export interface MenuItemSpec {
  label?: string;
  accelerator?: string;
  role?: MenuRole;
  type?: 'separator';
  click?: () => void;
  submenu?: MenuItemSpec[];
}

/**
 * The application menu as a pure value (the glue in index.ts builds it with Menu.buildFromTemplate),
 * so roles, labels and accelerators are asserted by tests/unit/platform/menu.test.ts.
 */
export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and developer tools only outside installed builds. */
  isDev: boolean;
  appName: string;
}

export interface MenuActions {
  /** Sends a command to the page (Import…, Export…, New, Find, Settings, Keyboard Shortcuts). */
  command(command: AppCommandName): void;
  about(): void;
  openDataFolder(): void;
}

export function menuTemplate(options: MenuOptions, actions: MenuActions): MenuItemSpec[] {
  const mac = options.platform === 'darwin';
  const settings: MenuItemSpec = { label: mac ? 'Settings…' : 'Settings', accelerator: 'CmdOrCtrl+,', click: () => actions.command('settings') };
  const about: MenuItemSpec = { label: `About ${options.appName}`, click: () => actions.about() };
  return [
    ...(mac
      ? [
          {
            label: options.appName,
            submenu: [about, { type: 'separator' }, settings, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
          } satisfies MenuItemSpec,
        ]
      : []),
    {
      label: '&File',
      submenu: [
        { label: 'New License…', accelerator: 'CmdOrCtrl+N', click: () => actions.command('new') },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => actions.command('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.command('export') },
        ...(mac ? [] : [{ type: 'separator' } as const, settings]),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => actions.command('find') },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...(options.isDev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    ...(mac ? [{ role: 'windowMenu' } satisfies MenuItemSpec] : []),
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'F1', click: () => actions.command('shortcuts') },
        ...(mac ? [] : [about]),
        { label: 'Open Data Folder', click: () => actions.openDataFolder() },
      ],
    },
  ];
}

/** The About box's text: version and where the data lives (what support asks for first). */
export function aboutDetail(version: string, dataDir: string, electronVersion: string): string {
  return `Version ${version}\nElectron ${electronVersion}\n\nData folder:\n${dataDir}`;
}
