/**
 * Realistic rows in the shape of the customer portal's Full License list (docs/domain-notes.md §5.1), made
 * deterministically from a seed so every benchmark run measures the same data.
 */
const PRODUCTS = [
  { name: 'Dynamsoft Barcode Reader JavaScript Edition - All Barcode Types', unit: (n: number) => `Annual Runtime License for ${n.toLocaleString('en-US')} barcode scans`, amounts: [10_000, 50_000, 100_000, 1_000_000] },
  { name: 'Dynamsoft Barcode Reader Mobile Edition - All Barcode Types', unit: (n: number) => `Annual Runtime License for Employee App up to ${n.toLocaleString('en-US')} Quarterly Active Devices`, amounts: [30, 100, 1000, 100_000] },
  { name: 'Dynamic Web TWAIN Core Module', unit: (n: number) => `Annual License for Up to ${n} Quarterly Active End-User Computers`, amounts: [25, 50, 100, 500] },
  { name: 'Dynamic Web TWAIN Service Edition Core Module', unit: (n: number) => `annual license, up to ${n} client devices`, amounts: [30, 60, 120] },
  { name: 'Dynamsoft Barcode Reader Windows/Linux/Mac Edition - All Barcode Types', unit: () => '1 annual runtime license, per server deployment', amounts: [1] },
  { name: 'Dynamsoft Label Recognizer JavaScript Edition', unit: (n: number) => `Annual Runtime License, up to ${n} concurrent devices`, amounts: [10, 20, 50] },
  { name: 'Dynamic Web TWAIN Core Module', unit: (n: number) => `Annual Runtime License for ${n.toLocaleString('en-US')} pages`, amounts: [50_000, 200_000] },
];

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADERS = ['Item Id', 'License Id', 'Order Id', 'License Item', 'Version Info', 'License Status', 'Accumulated Quota', 'Used', 'Usage/Maintenance Expiry Date', 'Project', 'Alias'];

export interface GeneratedCsv {
  headers: string[];
  rows: string[][];
  text: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function generatePortalRows(count: number, seed = 42, today = new Date(Date.UTC(2026, 10, 26))): GeneratedCsv {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const projects = Array.from({ length: Math.max(1, Math.floor(count / 40)) }, (_, i) => `100${String(100000 + (i % 900000)).padStart(6, '0')}-${100000000 + i}`);
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const p = pick(PRODUCTS);
    const amount = pick(p.amounts);
    const isNew = rnd() < 0.05;
    const expiry = new Date(today.getTime() + Math.round((rnd() * 760 - 220) * 86_400_000));
    const used = isNew ? '' : String(Math.floor(amount * rnd() * 1.15));
    rows.push([
      String(104_000_000 + i),
      String(100_900_000 + Math.floor(i / 2)),
      String(3_000_000 + Math.floor(i / 3)),
      `${p.name} (${p.unit(amount)})`,
      pick(['11.X', '18.X', '19.X', '10.X']),
      isNew ? 'New' : 'Active',
      String(amount),
      used,
      isNew ? '' : iso(expiry),
      rnd() < 0.9 ? pick(projects) : '',
      `Company_${104_000_000 + i}_Date${iso(expiry).replace(/-/g, '')}`,
    ]);
  }
  const text = [HEADERS, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  return { headers: HEADERS, rows, text };
}
