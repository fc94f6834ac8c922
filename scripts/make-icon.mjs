// Draws the app icon (a key on the app's blue) at every size the installers need, from one shape in
// a 512-unit square, 4×4 supersampled so small sizes stay smooth. Run once; the files are committed:
//   build/icon.png (1024, macOS and the fallback), build/icons/NxN.png (Linux: AppImage, deb),
//   build/icon.ico (Windows: 16–256), build/icon.icns (macOS: 16–1024), renderer/public/favicon.png.
import fs from 'node:fs';
import zlib from 'node:zlib';

function inShape(x, y) {
  // Rounded square background (radius 96).
  const r = 96, cx = Math.min(Math.max(x, r), 512 - r), cy = Math.min(Math.max(y, r), 512 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  // Key: a ring (bow) on the left, a shaft and two teeth on the right.
  const d = Math.hypot(x - 176, y - 256);
  const ring = d <= 104 && d >= 52;
  const shaft = x >= 260 && x <= 430 && y >= 236 && y <= 276;
  const tooth1 = x >= 360 && x <= 392 && y > 276 && y <= 336;
  const tooth2 = x >= 404 && x <= 430 && y > 276 && y <= 316;
  return ring || shaft || tooth1 || tooth2 ? 2 : 1;
}

function draw(S) {
  const px = Buffer.alloc(S * S * 4);
  const N = 4;
  for (let y = 0; y < S; y++) {
    for (let x = 0; x < S; x++) {
      let blue = 0, white = 0;
      for (let sy = 0; sy < N; sy++) for (let sx = 0; sx < N; sx++) {
        const k = inShape(((x + (sx + 0.5) / N) * 512) / S, ((y + (sy + 0.5) / N) * 512) / S);
        if (k === 1) blue++; else if (k === 2) white++;
      }
      const cover = (blue + white) / (N * N);
      const i = (y * S + x) * 4;
      if (cover === 0) continue;
      const w = white / (blue + white);
      px[i] = Math.round(31 + (255 - 31) * w);
      px[i + 1] = Math.round(95 + (255 - 95) * w);
      px[i + 2] = Math.round(191 + (255 - 191) * w);
      px[i + 3] = Math.round(255 * cover);
    }
  }
  return png(S, px);
}

const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
function png(S, px) {
  const raw = Buffer.alloc((S * 4 + 1) * S);
  for (let y = 0; y < S; y++) px.copy(raw, y * (S * 4 + 1) + 1, y * S * 4, (y + 1) * S * 4);
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(S, 0); ihdr.writeUInt32BE(S, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** ICO with PNG entries (Windows Vista and later read them; 256 is stored as 0 in the directory). */
function ico(images) {
  const header = Buffer.alloc(6); header.writeUInt16LE(0, 0); header.writeUInt16LE(1, 2); header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const dir = images.map(([S, data]) => {
    const e = Buffer.alloc(16);
    e[0] = S >= 256 ? 0 : S; e[1] = S >= 256 ? 0 : S; e.writeUInt16LE(1, 4); e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8); e.writeUInt32LE(offset, 12); offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...dir, ...images.map(([, d]) => d)]);
}

/** ICNS with PNG entries, one OSType per size (Apple's icns types since macOS 10.7). */
function icns(images) {
  const types = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };
  const entries = images.map(([S, data]) => { const h = Buffer.alloc(8); h.write(types[S], 0, 'ascii'); h.writeUInt32BE(8 + data.length, 4); return Buffer.concat([h, data]); });
  const body = Buffer.concat(entries);
  const h = Buffer.alloc(8); h.write('icns', 0, 'ascii'); h.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([h, body]);
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const images = new Map(sizes.map((S) => [S, draw(S)]));
fs.mkdirSync('build/icons', { recursive: true });
fs.writeFileSync('build/icon.png', images.get(1024));
for (const S of [16, 24, 32, 48, 64, 128, 256, 512]) fs.writeFileSync(`build/icons/${S}x${S}.png`, images.get(S));
fs.writeFileSync('build/icon.ico', ico([16, 24, 32, 48, 64, 128, 256].map((S) => [S, images.get(S)])));
fs.writeFileSync('build/icon.icns', icns([16, 32, 64, 128, 256, 512, 1024].map((S) => [S, images.get(S)])));
fs.writeFileSync('renderer/public/favicon.png', images.get(256));
console.log(`icons: build/icon.png, build/icons/ (8 sizes), build/icon.ico (7), build/icon.icns (7), favicon`);
