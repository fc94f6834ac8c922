import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, safeStorage, screen } from 'electron';
import { startCore, type Core } from '../core/core.js';
import { applyRecovery, recoveryPrompt } from '../core/db/recovery.js';
import { StoreOpenError } from '../core/db/store.js';
import { APP_ORIGIN, createSenderGuard } from '../core/ipc/sender-guard.js';
import { dataDirIn } from '../core/platform/paths.js';
import type { KeyProtector } from '../core/secrets/vault.js';
import { serveRendererFile } from '../core/platform/static-files.js';
import { CHANNEL_NAMES } from '../../shared/ipc/channels.js';
import { senderOf } from './ipc-sender.js';
import { aboutDetail, menuTemplate } from './menu.js';
import { createElectronPlatform } from './platform.js';
import { APP_ENTRY_URL, DEFAULT_BOUNDS, isAllowedNavigation, isValidBounds, windowOptions } from './window-policy.js';
import { clampToDisplays } from './window-state.js';

process.umask(0o077);
// Lets the smoke suite give each run its own data folder.
if (process.env.LICENSE_DESK_USER_DATA) app.setPath('userData', process.env.LICENSE_DESK_USER_DATA);
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const rendererDir = path.join(__dirname, '../../../renderer');
let core: Core | null = null;
let win: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.whenReady().then(start, (err: unknown) => fatal(err));
}

async function start(): Promise<void> {
  const { default: Store } = await import('electron-store');
  const prefs = new Store<{ windowBounds?: unknown }>({ name: 'preferences' });

  protocol.handle('app', (request) => {
    const file = serveRendererFile(rendererDir, new URL(request.url).pathname);
    return new Response(file.body, { status: file.status, headers: file.headers });
  });

  const dataDir = dataDirIn(app.getPath('userData'));
  // A clicked digest opens the notifications page at its day (the core tells the page).
  const platform = createElectronPlatform(
    () => win,
    (n) => {
      if (n.digestDay) core?.desktop.openDigest(n.digestDay);
    },
  );
  const open = () =>
    startCore({ dataDir, appVersion: app.getVersion(), isTrustedSender: createSenderGuard([APP_ORIGIN]), checkOutputs: !app.isPackaged, log: (m) => console.error(m), keyProtector: safeStorage.isEncryptionAvailable() ? osKeyProtector : undefined, platform });
  try {
    core = await open();
  } catch (err) {
    if (!(err instanceof StoreOpenError)) return fatal(err);
    const prompt = recoveryPrompt(err.failure);
    const action = prompt.actions[dialog.showMessageBoxSync({ type: 'warning', ...prompt, cancelId: prompt.buttons.length - 1, noLink: true })] ?? 'quit';
    if (action === 'quit') return app.exit(1);
    applyRecovery(dataDir, err.failure, action);
    core = await open().catch((again: unknown) => (fatal(again), null));
    if (!core) return;
  }
  core.events.subscribe((name, payload) => {
    if (win && !win.isDestroyed()) win.webContents.send(name, payload);
  });
  // After sleep the day may have changed and the digest time passed: the core looks again (once).
  powerMonitor.on('resume', () => core?.desktop.check());
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, input: unknown) =>
      core!.dispatch(channel, input, senderOf(event)),
    );
  }

  const saved = prefs.get('windowBounds');
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  win = new BrowserWindow(windowOptions(path.join(__dirname, '../../../preload/preload.cjs'), clampToDisplays(isValidBounds(saved) ? saved : DEFAULT_BOUNDS, displays)));
  const events = core.events;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        { platform: process.platform, isDev: !app.isPackaged, appName: app.name },
        {
          command: (command) => events.emit('app:command', { command }),
          about: () => void dialog.showMessageBox({ type: 'info', title: `About ${app.name}`, message: app.name, detail: aboutDetail(app.getVersion(), dataDir, process.versions.electron), buttons: ['OK'] }),
          openDataFolder: () => void platform.openPath(dataDir).catch((err: unknown) => dialog.showErrorBox('Open Data Folder', String(err))),
        },
      ),
    ),
  );
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAllowedNavigation(url)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    void platform.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK (the port's allowlisted opener in platform.ts, not shell)
    return { action: 'deny' };
  });
  win.webContents.session.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  win.on('close', () => prefs.set('windowBounds', win!.getBounds()));
  win.once('ready-to-show', () => win?.show());
  await win.loadURL(APP_ENTRY_URL);
}

// Linux without a keyring falls back to a hard-coded password ('basic_text'): say so, as 'none'.
const osKeyProtector: KeyProtector = {
  get kind() {
    return process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text' ? 'none' : 'os';
  },
  protect: (b) => safeStorage.encryptString(b.toString('base64')),
  unprotect: (b) => Buffer.from(safeStorage.decryptString(b), 'base64'),
};

function fatal(err: unknown): void {
  const message = err instanceof StoreOpenError || err instanceof Error ? err.message : String(err);
  dialog.showErrorBox('License Desk cannot start', message);
  app.exit(1);
}

app.on('web-contents-created', (_e, contents) => contents.on('will-attach-webview', (e) => e.preventDefault()));
app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => core?.close());
