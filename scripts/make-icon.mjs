// Draws build/icon.png (512×512): a key on the app's blue. Run once; the PNG is committed.
import fs from 'node:fs';
import zlib from 'node:zlib';

const S = 512;
const px = Buffer.alloc(S * S * 4);
const set = (x, y, [r, g, b, a]) => {
  const i = (y * S + x) * 4;
  px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a;
};
const blue = [31, 95, 191, 255];
const white = [255, 255, 255, 255];
for (let y = 0; y < S; y++) {
  for (let x = 0; x < S; x++) {
    // Rounded square background (radius 96).
    const r = 96, cx = Math.min(Math.max(x, r), S - 1 - r), cy = Math.min(Math.max(y, r), S - 1 - r);
    const inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
    if (!inside) { set(x, y, [0, 0, 0, 0]); continue; }
    set(x, y, blue);
    // Key: a ring (bow) on the left, a shaft and two teeth on the right.
    const d = Math.hypot(x - 176, y - 256);
    const ring = d <= 104 && d >= 52;
    const shaft = x >= 260 && x <= 430 && y >= 236 && y <= 276;
    const tooth1 = x >= 360 && x <= 392 && y > 276 && y <= 336;
    const tooth2 = x >= 404 && x <= 430 && y > 276 && y <= 316;
    if (ring || shaft || tooth1 || tooth2) set(x, y, white);
  }
}
const raw = Buffer.alloc((S * 4 + 1) * S);
for (let y = 0; y < S; y++) px.copy(raw, y * (S * 4 + 1) + 1, y * S * 4, (y + 1) * S * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(S, 0); ihdr.writeUInt32BE(S, 4); ihdr[8] = 8; ihdr[9] = 6;
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
fs.mkdirSync('build', { recursive: true });
fs.writeFileSync('build/icon.png', png);
console.log(`build/icon.png: ${png.length} bytes`);
