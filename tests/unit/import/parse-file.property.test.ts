import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSimpleCsv } from '../../../electron/core/import/csv-simple.js';
import { parseCsvText } from '../../../electron/core/import/parse-file.js';

/**
 * The fast CSV reader must give exactly what csv-parse gives, and parseCsvText exactly what it gave
 * when every file went through csv-parse (the reference below is that implementation, kept verbatim
 * apart from its size check), for well-formed and broken files alike.
 */

type CsvRecord = { record: string[]; info: { bytes: number } };

const CSV_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted value is never closed',
  INVALID_OPENING_QUOTE: 'a quote mark appears inside a value that is not quoted',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted value is followed by more text before the next separator',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted value is followed by more text before the next separator',
};

function referenceParse(text: string, delimiter: string) {
  const buf = Buffer.from(text, 'utf8');
  let records: CsvRecord[];
  try {
    records = parse(buf, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as CsvRecord[];
  } catch (err) {
    const e = err as { code?: unknown; lines?: unknown };
    const reason = (typeof e.code === 'string' && CSV_REASONS[e.code]) || 'its layout is broken';
    const near = typeof e.lines === 'number' && e.lines > 0 ? ` near line ${e.lines}` : '';
    return { error: `The file could not be read as CSV${near}: ${reason}.` };
  }
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) return { error: 'empty' };
  let pos = 0;
  let breaks = 0;
  const lineAt = (endOffset: number) => {
    let end = Math.min(endOffset, buf.length);
    if (buf[end - 1] === 0x0a) end -= buf[end - 2] === 0x0d ? 2 : 1;
    else if (buf[end - 1] === 0x0d) end -= 1;
    for (; pos < end; pos++) {
      const b = buf[pos];
      if (b === 0x0a || (b === 0x0d && buf[pos + 1] !== 0x0a)) breaks++;
    }
    return breaks + 1;
  };
  const countLineBreaks = (s: string) => s.match(/\r\n|\r|\n/g)?.length ?? 0;
  return {
    header: headerRecord.record,
    rows: dataRecords.map(({ record, info }) => ({
      line: lineAt(info.bytes) - record.reduce((n, cell) => n + countLineBreaks(cell), 0),
      record,
    })),
  };
}

function sniff(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.d : ',';
}

/** Pieces that make both ordinary and awkward CSV. */
const piece = fc.constantFrom(
  'a', 'b1', 'x y', ' ', '  ', '-', ',', ',', ';', '\t', '"', '""', '"q"', '"a,b"', '"x""y"', '"line\nbreak"', '"cr\r\nlf"',
  '\n', '\n', '\r\n', '\r\n', '\r', '\uFEFF', 'é', '😀', '\uD800', '\u00a0', '0',
);
const csvText = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));
/** Mostly well-formed files: rows of simple or quoted cells, one kind of line break. */
const wellFormed = fc
  .record({
    eol: fc.constantFrom('\n', '\r\n'),
    sep: fc.constantFrom(',', ';', '\t'),
    bom: fc.boolean(),
    rows: fc.array(fc.array(fc.constantFrom('', ' ', 'a', 'Item Id', '10,000', 'x"y', 'ü', '  b  ', '-'), { maxLength: 5 }), { maxLength: 8 }),
    trailing: fc.boolean(),
  })
  .map(({ eol, sep, bom, rows, trailing }) => {
    const cell = (c: string) => (c.includes(sep) || c.includes('"') || c === 'ü' ? `"${c.replace(/"/g, '""')}"` : c);
    return (bom ? '\uFEFF' : '') + rows.map((r) => r.map(cell).join(sep)).join(eol) + (trailing ? eol : '');
  });

let simpleReads = 0;

function compareSimpleWithCsvParse(text: string) {
  const delimiter = sniff(text);
  const simple = readSimpleCsv(text, delimiter);
  if (!simple) return;
  simpleReads++;
  const ref = referenceParse(text, delimiter);
  if (ref.error === 'empty') {
    expect(simple.records).toEqual([]);
    return;
  }
  expect(ref.error).toBeUndefined();
  const all = ref.header ? [{ line: -1, record: ref.header }, ...ref.rows!] : [];
  expect(simple.records).toEqual(all.map((r) => r.record));
  expect(simple.lines.slice(1)).toEqual(all.slice(1).map((r) => r.line));
}

function compareParseCsvTextWithReference(text: string) {
  const ref = referenceParse(text, sniff(text));
  let ours: ReturnType<typeof parseCsvText> | { thrown: string };
  try {
    ours = parseCsvText(text);
  } catch (err) {
    ours = { thrown: (err as Error).message };
  }
  if (ref.error) {
    expect(ours).toEqual({ thrown: ref.error === 'empty' ? 'The file is empty: there is no header row.' : ref.error });
    return;
  }
  if ('thrown' in ours) {
    // Only our own checks on a readable file may throw: duplicate headers or too many values.
    expect(ours.thrown).toMatch(/twice|values but the header row has/);
    return;
  }
  expect(ours.rows.map((r) => r.line)).toEqual(ref.rows!.map((r) => r.line));
  expect(ours.rows.map((r) => ours.headers.map((h) => r.cells[h]))).toEqual(ref.rows!.map((r) => ours.headers.map((_h, i) => r.record[i] ?? '')));
}

describe('readSimpleCsv', () => {
  it('gives csv-parse’s records and the reference line numbers whenever it reads a file', () => {
    fc.assert(fc.property(csvText, compareSimpleWithCsvParse), { numRuns: 3000 });
    const fromRandom = simpleReads;
    fc.assert(fc.property(wellFormed, compareSimpleWithCsvParse), { numRuns: 2000 });
    // Both generators reach the fast reader often enough for the comparison to mean something.
    expect(fromRandom).toBeGreaterThan(300);
    expect(simpleReads - fromRandom).toBeGreaterThan(1500);
  });

  it('reads the ordinary portal shapes itself, and leaves the awkward ones to csv-parse', () => {
    expect(readSimpleCsv('a,b\r\n1,"x, y"\r\n\r\n2,"say ""hi"""\r\n', ',')).toEqual({ records: [['a', 'b'], ['1', 'x, y'], ['2', 'say "hi"']], lines: [1, 2, 4] });
    expect(readSimpleCsv('\uFEFFa;b\n ; \n1;2', ';')).toEqual({ records: [['a', 'b'], ['1', '2']], lines: [1, 3] });
    expect(readSimpleCsv('a,b\n1,"two\nlines"\n', ',')).toBeNull();
    expect(readSimpleCsv('a,b\r\n1,2\n3,4\r\n', ',')).toBeNull();
    expect(readSimpleCsv('a,b\n1,x"y"\n', ',')).toBeNull();
    expect(readSimpleCsv('a,b\n1,"open\n', ',')).toBeNull();
    expect(readSimpleCsv('a,b\n1,"x" \n', ',')).toBeNull();
    expect(readSimpleCsv('a,b\n1,\uD800\n', ',')).toBeNull();
  });
});

describe('parseCsvText', () => {
  it('gives the reference lines and cells, or refuses what the reference refuses', () => {
    fc.assert(fc.property(csvText, compareParseCsvTextWithReference), { numRuns: 3000 });
    fc.assert(fc.property(wellFormed, compareParseCsvTextWithReference), { numRuns: 2000 });
  });
});
