/**
 * A fast reader for the common CSV file: one record per line, fields quoted or not, line breaks all
 * CRLF or all LF, no line break inside a quoted value. It gives the same records as csv-parse with
 * parse-file.ts's options, in a fraction of its time (csv-parse works byte by byte through several
 * calls per byte), plus the line each record is on. For anything outside that shape — including
 * every file csv-parse would refuse — it returns null, and the caller parses with csv-parse, which
 * then also words the error.
 */

export interface SimpleCsv {
  records: string[][];
  /** The 1-based line of each record. */
  lines: number[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

// csv-parse reads the text as UTF-8 bytes, which turns a lone surrogate into U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isBlankRecord(record: string[]): boolean {
  for (const field of record) if (field.trim() !== '') return false;
  return true;
}

/**
 * Records as csv-parse returns them with { bom, relax_column_count, skip_empty_lines,
 * skip_records_with_empty_values } and this delimiter (one character), or null.
 */
export function readSimpleCsv(text: string, delimiter: string): SimpleCsv | null {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') return null;
  if (LONE_SURROGATE.test(text)) return null;
  // csv-parse takes the first line break as the record delimiter. Only CRLF and LF files are handled
  // here, with every break the same (a stray CR or LF would be part of a value there).
  const firstCr = text.indexOf('\r');
  const crlf = firstCr !== -1;
  if (crlf && text.indexOf('\n') !== firstCr + 1) return null;

  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  const lines: number[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (pos < n) {
    const record: string[] = [];
    const recordLine = line;
    for (;;) {
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        // A quoted value: "" inside it is one quote; it must end right before a separator, a line
        // break or the end of the text.
        let start = pos + 1;
        value = '';
        for (;;) {
          const q = text.indexOf('"', start);
          if (q === -1) return null;
          const chunk = text.slice(start, q);
          if (chunk.indexOf('\n') !== -1 || chunk.indexOf('\r') !== -1) return null;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += `${chunk}"`;
            start = q + 2;
          } else {
            value += chunk;
            pos = q + 1;
            break;
          }
        }
        if (pos < n) {
          const c = text.charCodeAt(pos);
          if (c !== d && c !== LF && c !== CR) return null;
        }
      } else {
        let end = pos;
        for (; end < n; end++) {
          const c = text.charCodeAt(end);
          if (c === d || c === LF || c === CR) break;
          // A quote inside an unquoted value is an error in csv-parse.
          if (c === QUOTE) return null;
        }
        value = text.slice(pos, end);
        pos = end;
      }
      record.push(value);
      if (pos >= n) break;
      const c = text.charCodeAt(pos);
      if (c === d) {
        pos++;
        continue;
      }
      if (crlf) {
        if (c !== CR || text.charCodeAt(pos + 1) !== LF) return null;
        pos += 2;
      } else {
        // No CR anywhere in an LF file, so this is an LF.
        pos += 1;
      }
      line++;
      break;
    }
    // Blank lines and lines of blank values are skipped.
    if (!isBlankRecord(record)) {
      records.push(record);
      lines.push(recordLine);
    }
  }
  return { records, lines };
}
