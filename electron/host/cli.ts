import fs from 'node:fs';
import path from 'node:path';
import { StoreOpenError } from '../core/db/store.js';
import { dataDirIn, defaultUserDataDir } from '../core/platform/paths.js';
import { startHost } from './host.js';

interface CliArgs {
  data: string;
  port: number;
  /** Where saved files (exports) go; null for the user's Downloads folder. */
  saveFolder: string | null;
}
const USAGE = 'Usage: npm run preview -- [--data DIR] [--port N] [--save-folder DIR]';

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { data: dataDirIn(defaultUserDataDir()), port: 0, saveFolder: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--data' || flag === '--port' || flag === '--save-folder') && value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--data') args.data = path.resolve(value!);
    else if (flag === '--save-folder') args.saveFolder = path.resolve(value!);
    else if (flag === '--port') args.port = Number(value);
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new Error(`Unknown option ${flag}. ${USAGE}`);
    i++;
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('--port must be a number from 0 to 65535');
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as { version: string };
  const host = await startHost({
    dataDir: args.data,
    rendererDir: path.resolve(__dirname, '../../../renderer'),
    appVersion: pkg.version,
    port: args.port,
    saveFolder: args.saveFolder,
    log: (m) => process.stderr.write(`${m}\n`),
  });
  process.stdout.write(`License Desk preview (data: ${args.data})\n${host.url}\n`);
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof StoreOpenError && err.failure.kind === 'corrupt') {
    const backups = err.failure.backups.map((b) => `  ${b}`).join('\n') || '  (none)';
    process.stderr.write(`${err.message}\nVerified backups, newest first:\n${backups}\nTo restore one, copy it to ${path.join(parseArgs(process.argv.slice(2)).data, 'license-desk.sqlite')} and start again.\n`);
    process.exit(2);
  }
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof StoreOpenError ? 2 : 1);
});
