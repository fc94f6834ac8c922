import { parse } from 'csv-parse/sync';
import { IMPORT_MAX_BYTES, IMPORT_MAX_HEADER, IMPORT_MAX_MB } from '../../../shared/domain/import.js';
import { readSimpleCsv } from './csv-simple.js';

/**
 * Turning an import file's text into a table of string cells keyed by header. Nothing here knows
 * about licenses: rows.ts interprets the cells. A file that cannot be read as a table at all throws
 * ImportFileError; problems inside single rows are left to rows.ts, which reports them per line.
 */

export interface ParsedTable {
  headers: string[];
  /**
   * `line` is where the record starts in the file, 1-based, with the header on line 1 (for CSV,
   * the physical line, so a quoted cell spanning lines pushes later rows down). For JSON it is the
   * 1-based position of the element in the array.
   */
  rows: { line: number; cells: Record<string, string> }[];
}

/** The file as a whole is unreadable. The message is plain words, safe to show the user as is. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

// Far beyond any real license list; refusing early keeps a wrong file from freezing the main process.
// The same limit as the IPC schema (shared/domain/import.ts), for callers that skip it.
export const MAX_CHARS = IMPORT_MAX_BYTES;

function checkSize(text: string): void {
  if (text.length > MAX_CHARS) throw new ImportFileError(`The file is too large to be a license list (over ${IMPORT_MAX_MB} MB).`);
}

/**
 * Picks the delimiter from the header line: Excel in many European locales saves CSV with ";",
 * and a copy from a web table pastes as tab-separated. Quoted text is skipped while counting.
 */
function sniffDelimiter(text: string): string {
  const firstLine = firstNonBlankLine(text);
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.d : ',';
}

/** The first line (after a BOM) with more than white space, without splitting the whole text. */
function firstNonBlankLine(text: string): string {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (start <= text.length) {
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    const end = cr === -1 ? (lf === -1 ? text.length : lf) : lf === -1 ? cr : Math.min(cr, lf);
    const line = text.slice(start, end);
    if (line.trim() !== '') return line;
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  return '';
}

function countLineBreaks(s: string): number {
  return s.match(/\r\n|\r|\n/g)?.length ?? 0;
}

const CSV_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted value is never closed',
  INVALID_OPENING_QUOTE: 'a quote mark appears inside a value that is not quoted',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted value is followed by more text before the next separator',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted value is followed by more text before the next separator',
};

function csvErrorMessage(err: unknown): string {
  const e = err as { code?: unknown; lines?: unknown; message?: unknown };
  const reason = (typeof e.code === 'string' && CSV_REASONS[e.code]) || 'its layout is broken';
  const near = typeof e.lines === 'number' && e.lines > 0 ? ` near line ${e.lines}` : '';
  return `The file could not be read as CSV${near}: ${reason}.`;
}

type CsvRecord = { record: string[]; info: { bytes: number } };

/**
 * Parses CSV text (BOM, quoted fields, CRLF or LF, "," ";" or tab separated). Blank lines and
 * lines of empty cells are skipped. The first non-blank record is the header row.
 */
export function parseCsvText(text: string): ParsedTable {
  checkSize(text);
  const delimiter = sniffDelimiter(text);
  // The common file (no line break inside a value, one kind of line break) is read directly; any
  // other, and every broken one, goes through csv-parse below.
  const simple = readSimpleCsv(text, delimiter);
  if (simple) return toTable(simple.records, (i) => simple.lines[i]!);

  // csv-parse reports, per record, the byte offset where it ended; parsing bytes keeps those offsets
  // comparable with our own line counting below.
  const buf = Buffer.from(text, 'utf8');
  let records: CsvRecord[];
  try {
    records = parse(buf, {
      bom: true,
      // Cells stay text: rows.ts reads numbers and dates itself, with its own messages.
      cast: false,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as CsvRecord[];
  } catch (err) {
    throw new ImportFileError(csvErrorMessage(err));
  }
  // csv-parse's own line counter counts a CRLF inside quotes as two lines, so count line breaks
  // ourselves: the record ends on the line of its last byte, and starts as many lines earlier as
  // its cells contain line breaks (only quoted cells can).
  const lineAt = lineCounter(buf);
  return toTable(
    records.map((r) => r.record),
    (i) => {
      const { record, info } = records[i]!;
      return lineAt(info.bytes) - record.reduce((n, cell) => n + countLineBreaks(cell), 0);
    },
  );
}

/** `lineOf(i)` is the line record i starts on; it is called once per record, in order. */
function toTable(records: string[][], lineOf: (i: number) => number): ParsedTable {
  const headerRecord = records[0];
  if (!headerRecord) throw new ImportFileError('The file is empty: there is no header row.');
  const headers = readHeaders(headerRecord);
  const width = headers.length;
  // Assigning "__proto__" would set the prototype rather than add a cell.
  const plainKeys = !headers.includes('__proto__');
  const rows: ParsedTable['rows'] = new Array<ParsedTable['rows'][number]>(records.length - 1);
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    const line = lineOf(r);
    if (record.length > width && record.slice(width).some((c) => c.trim() !== '')) {
      throw new ImportFileError(
        `Line ${line} has ${record.length} values but the header row has ${width} columns. ` +
          'A value containing a separator needs quotes around it.',
      );
    }
    // Spreadsheets drop trailing empty cells, so a short record is padded rather than refused.
    let cells: Record<string, string>;
    if (plainKeys) {
      cells = {};
      for (let i = 0; i < width; i++) cells[headers[i]!] = record[i] ?? '';
    } else {
      cells = Object.fromEntries(headers.map((h, i) => [h, record[i] ?? '']));
    }
    rows[r - 1] = { line, cells };
  }
  return { headers, rows };
}

/** A header in a message: never whole, since a long one may be a pasted paragraph. */
function shownHeader(h: string): string {
  return h.length > 60 ? `${h.slice(0, 57)}...` : h;
}

/** Headers become the mapping's keys, which the IPC contract bounds (IMPORT_MAX_HEADER). */
export function checkHeaderLength(h: string, column: number): void {
  if (h.length > IMPORT_MAX_HEADER) {
    throw new ImportFileError(
      `The header of column ${column} is ${h.length.toLocaleString('en-US')} characters long ("${shownHeader(h)}"); headers up to ${IMPORT_MAX_HEADER.toLocaleString('en-US')} characters are accepted. Shorten it, or check that the first row is the header row.`,
    );
  }
}

function readHeaders(raw: string[]): string[] {
  const headers = raw.map((h, i) => h.trim() || `Column ${i + 1}`);
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    checkHeaderLength(h, i + 1);
    const first = seen.get(h);
    if (first !== undefined) {
      throw new ImportFileError(`The header row names "${shownHeader(h)}" twice (columns ${first + 1} and ${i + 1}). Rename one of them.`);
    }
    seen.set(h, i);
  });
  return headers;
}

/**
 * Returns a function giving the 1-based line of the last character before a byte offset, ignoring
 * the record's own trailing line break. Offsets only grow, so the scan is incremental (linear overall).
 */
function lineCounter(buf: Buffer): (endOffset: number) => number {
  let pos = 0;
  let breaks = 0;
  return (endOffset: number) => {
    let end = Math.min(endOffset, buf.length);
    if (buf[end - 1] === 0x0a) end -= buf[end - 2] === 0x0d ? 2 : 1;
    else if (buf[end - 1] === 0x0d) end -= 1;
    for (; pos < end; pos++) {
      const b = buf[pos];
      // UTF-8 continuation bytes are never 0x0A/0x0D, so scanning bytes is safe.
      if (b === 0x0a || (b === 0x0d && buf[pos + 1] !== 0x0a)) breaks++;
    }
    return breaks + 1;
  };
}

/**
 * Parses JSON: an array of objects, or an object holding one under `licenses` or `items`. Keys are
 * the headers (in order of first appearance); numbers and booleans become their text, null becomes
 * an empty cell. `line` is the 1-based index of the element in the array, since JSON records have no
 * meaningful line of their own.
 */
export function parseJsonText(text: string): ParsedTable {
  checkSize(text);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ImportFileError(`The file is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const list = listOf(data);
  if (!list) {
    throw new ImportFileError('The JSON file should hold a list of licenses: an array, or an object with a "licenses" or "items" array.');
  }

  const headers: string[] = [];
  const known = new Set<string>();
  const objects = list.map((el, i) => {
    if (typeof el !== 'object' || el === null || Array.isArray(el)) {
      throw new ImportFileError(`Element ${i + 1} of the list is not an object with named values.`);
    }
    const entries = Object.entries(el as Record<string, unknown>).map(([key, value]) => [key, cellText(value, key, i + 1)] as const);
    for (const [key] of entries) {
      if (!known.has(key)) {
        checkHeaderLength(key, headers.length + 1);
        known.add(key);
        headers.push(key);
      }
    }
    return new Map(entries);
  });
  const rows = objects.map((obj, i) => ({
    line: i + 1,
    // fromEntries defines own properties, so a "__proto__" key stays an ordinary cell.
    cells: Object.fromEntries(headers.map((h) => [h, obj.get(h) ?? ''])),
  }));
  return { headers, rows };
}

function listOf(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (typeof data === 'object' && data !== null) {
    const o = data as Record<string, unknown>;
    for (const key of ['licenses', 'items']) {
      const v = Object.hasOwn(o, key) ? o[key] : undefined;
      if (Array.isArray(v)) return v;
    }
  }
  return null;
}

function cellText(value: unknown, key: string, element: number): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw new ImportFileError(`Element ${element}: "${key}" holds a list or object; only plain values can be imported.`);
}
