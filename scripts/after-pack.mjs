// electron-builder afterPack hook: the better-sqlite3 that electron-builder copies from node_modules
// is built for Node (the tests need it so); the app needs it built for Electron's ABI. This puts
// better-sqlite3's own Electron prebuild for the target platform and architecture in its place
// (fetched into the cache by tools/start/system.ts, so `npm start` and `npm run dist` share it).
// Fuses are flipped after this hook, and signing after that.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// electron-builder's Arch enum (builder-util): the numbers it passes in context.arch.
const ARCH = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

export default async function afterPack(context) {
  const { electronSqliteFile, fetchElectronSqlite } = require(path.join(root, 'dist/main/tools/start/system.js'));
  const platform = context.electronPlatformName;
  const arch = ARCH[context.arch];
  if (arch === 'universal') throw new Error('A universal macOS build needs a universal better-sqlite3; build x64 and arm64 separately.');
  const resources =
    platform === 'darwin' || platform === 'mas'
      ? path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : path.join(context.appOutDir, 'resources');
  const packed = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(packed)) throw new Error(`afterPack: ${packed} is missing; is better-sqlite3 still in asarUnpack?`);
  const target = { platform, arch };
  const cached = electronSqliteFile(root, target);
  if (!fs.existsSync(cached)) {
    const fetched = await fetchElectronSqlite(root, target);
    if (!fetched.ok) throw new Error(`afterPack: better-sqlite3 for Electron on ${platform}-${arch} could not be downloaded (${fetched.reason})`);
  }
  fs.copyFileSync(cached, packed);
  console.log(`  • better-sqlite3 for Electron (${platform}-${arch}) packed from ${path.relative(root, cached)}`);
}
