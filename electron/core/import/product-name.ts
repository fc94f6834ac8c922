import { PRODUCT_CATALOGUE } from '../../../shared/domain/catalogue.js';
import type { DeviceWindow, QuotaMode } from '../../../shared/domain/quota.js';
import { parseFlexibleDate } from './dates.js';
import { detectQuotaPhrase, parseTermText } from './quota-text.js';

/**
 * Parsing the portal's "License Item" text (a product sale name) into license fields, e.g.
 * "Dynamsoft Barcode Reader JavaScript Edition - All Barcode Types (Annual Runtime License for 10,000
 * barcode scans); License valid till July 10, 2026". Each part is optional: callers fill the gaps
 * from explicit columns and report what is still missing.
 */

export interface ParsedProductName {
  productCode: string | null;
  edition: string | null;
  term: 'annual' | 'lifetime' | null;
  quotaMode: QuotaMode | null;
  deviceWindow: DeviceWindow | null;
  quotaAmount: number | null;
  /** YYYY-MM-DD from "; License valid till July 10, 2026". */
  validTill: string | null;
}

/** A product the importer can recognise: the seeded catalogue, or the user's own products. */
export interface ProductRef {
  code: string;
  name: string;
  aliases?: readonly string[];
  editions?: readonly string[];
}

export interface ProductMatch {
  code: string;
  /** Where the matched alias sits in the text, so the edition can be read from what follows it. */
  start: number;
  end: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lower-case, single-spaced, so aliases match however the portal or a person spaced the name. */
function fold(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ');
}

function needlesOf(p: ProductRef): string[] {
  return [p.name, p.code, ...(p.aliases ?? [])].map((n) => fold(n).trim()).filter((n) => n.length > 0);
}

interface Needle {
  needle: string;
  code: string;
  /** The needle as a whole word (not inside another word). */
  re: RegExp;
}

interface EditionSet {
  /** Longest first, so "Service Edition Core Module" beats "Core Module". */
  names: readonly string[];
  res: readonly RegExp[];
}

function wholeWord(folded: string): RegExp {
  return new RegExp(`(?<![a-z0-9])${escapeRegExp(folded)}(?![a-z0-9])`);
}

/**
 * The parsing functions below, with everything that depends only on the product list (needles,
 * their regexes, the exact-name table, each product's editions) built once. An import makes one
 * per file and parses each distinct License Item or Product text once: a 100,000-row portal list
 * names only a few hundred distinct products.
 */
export interface ProductParser {
  find(text: string): ProductMatch | null;
  resolve(value: string): string | null;
  parse(text: string): ParsedProductName;
}

export function createProductParser(products: readonly ProductRef[] = PRODUCT_CATALOGUE): ProductParser {
  return buildParser(products, true);
}

function buildParser(products: readonly ProductRef[], cacheTexts: boolean): ProductParser {
  // Longest first (a stable sort: equal lengths keep the list's order), so "batch barcode scanner"
  // beats "barcode reader" and "dynamic web twain" beats "barcode reader" in
  // "Dynamic Web TWAIN Barcode Reader Add-on".
  const needles: Needle[] = products
    .flatMap((p) => needlesOf(p).map((needle) => ({ needle, code: p.code, re: wholeWord(needle) })))
    .sort((a, b) => b.needle.length - a.needle.length);
  // The first product naming a value exactly wins, as a search through the list in order would.
  const exact = new Map<string, string>();
  for (const p of products) for (const n of needlesOf(p)) if (!exact.has(n)) exact.set(n, p.code);
  const editionSets = new Map<string, EditionSet>();
  const parsedTexts = new Map<string, ParsedProductName>();
  const resolvedValues = new Map<string, string | null>();

  function find(text: string): ProductMatch | null {
    const haystack = fold(text);
    for (const { needle, code, re } of needles) {
      const m = re.exec(haystack);
      if (m) return { code, start: m.index, end: m.index + needle.length };
    }
    return null;
  }

  function editionsOf(code: string): EditionSet {
    let set = editionSets.get(code);
    if (!set) {
      const names = [...editionsFor(code, products)].sort((a, b) => b.length - a.length);
      set = { names, res: names.map((e) => wholeWord(fold(e))) };
      editionSets.set(code, set);
    }
    return set;
  }

  /**
   * The edition is the text between the product name and the first " - ", "(" or ";". A catalogue
   * edition named anywhere in the name part wins (with its canonical spelling); otherwise the raw
   * segment is kept, since editions are free text and new ones appear before the catalogue knows them.
   */
  function findEdition(text: string, match: ProductMatch): string | null {
    const head = text.split(/[(;]/, 1)[0] ?? '';
    const foldedHead = fold(head);
    const { names: editions, res } = editionsOf(match.code);
    for (let i = 0; i < editions.length; i++) if (res[i]!.test(foldedHead)) return editions[i]!;
    const folded = fold(text);
    const rest = folded.slice(match.end);
    const segment = (rest.split(/\s[-\u2013\u2014]\s|[(;,]/, 1)[0] ?? '').trim();
    if (segment === '' || !/[a-z]/.test(segment)) return null;
    const expanded = segment
      .split(' ')
      .map((w) => EDITION_ABBREVIATIONS[w] ?? w)
      .join(' ');
    const canonical = editions.find((e) => {
      const f = fold(e);
      return f === expanded || f === `${expanded} edition` || f === `${expanded} module`;
    });
    if (canonical) return canonical;
    // Keep the original casing of the raw segment (the folded copy has the same length and offsets).
    const start = folded.indexOf(segment, match.end);
    const raw = text.replace(/\s+/g, ' ').slice(start, start + segment.length).trim();
    return raw.length <= 120 ? raw : null;
  }

  function parseUncached(text: string): ParsedProductName {
    const validMatch = VALID_TILL.exec(text);
    const validTill = validMatch ? parseFlexibleDate(validMatch[1] ?? '') : null;
    // Drop the validity clause before looking for counts, so "July 10, 2026" is never read as a quota.
    const body = validMatch ? text.slice(0, validMatch.index) : text;

    const match = find(body);
    const quota = detectQuotaPhrase(body);
    return {
      productCode: match?.code ?? null,
      edition: match ? findEdition(body, match) : null,
      term: parseTermText(body),
      quotaMode: quota?.quotaMode ?? null,
      deviceWindow: quota?.deviceWindow ?? null,
      quotaAmount: quota?.quotaAmount ?? null,
      validTill,
    };
  }

  return {
    find,
    resolve(value) {
      let code = resolvedValues.get(value);
      if (code === undefined) {
        const v = fold(value).trim();
        code = v === '' ? null : (exact.get(v) ?? find(value)?.code ?? null);
        if (cacheTexts) resolvedValues.set(value, code);
      }
      return code;
    },
    parse(text) {
      let parsed = parsedTexts.get(text);
      if (!parsed) {
        // Frozen: one result is shared by every row with the same text.
        parsed = Object.freeze(parseUncached(text));
        if (cacheTexts) parsedTexts.set(text, parsed);
      }
      return parsed;
    },
  };
}

/**
 * Finds the product named anywhere in the text. Longest alias first, so "batch barcode scanner"
 * beats "barcode reader" and "dynamic web twain" beats "barcode reader" in
 * "Dynamic Web TWAIN Barcode Reader Add-on". Aliases must stand as whole words: "dbr" should not
 * match inside another word.
 */
export function findProductInText(text: string, products: readonly ProductRef[] = PRODUCT_CATALOGUE): ProductMatch | null {
  return compiledFor(products).find(text);
}

/**
 * Resolves a "Product" cell: an exact code, name or alias first (so "DBR" or "Dynamic Web TWAIN"
 * is unambiguous), then any product named inside longer text.
 */
export function resolveProduct(value: string, products: readonly ProductRef[] = PRODUCT_CATALOGUE): string | null {
  return compiledFor(products).resolve(value);
}

// Short forms seen in order lines ("DBR JS – 10,000 barcode scans").
const EDITION_ABBREVIATIONS: Record<string, string> = { js: 'javascript', win: 'windows' };

function editionsFor(code: string, products: readonly ProductRef[]): readonly string[] {
  const own = products.find((p) => p.code === code)?.editions;
  if (own && own.length > 0) return own;
  return PRODUCT_CATALOGUE.find((p) => p.code === code)?.editions ?? [];
}

// "; License valid till July 10, 2026" (also "until"); the date ends at the next ; or bracket.
const VALID_TILL = /\bvalid\s+(?:till|until|through|thru)\s+([^;()]+)/i;

/**
 * Parses a Customer Portal product sale name. Unknown parts come back null rather than guessed.
 * `products` defaults to the seeded catalogue; the importer passes the user's full product list
 * (through createProductParser, to build the matcher once per file).
 */
export function parseProductSaleName(text: string, products: readonly ProductRef[] = PRODUCT_CATALOGUE): ParsedProductName {
  return { ...compiledFor(products).parse(text) };
}

// The seeded catalogue never changes, so its matcher is built once (remembering no texts: it lives as
// long as the process). Any other list is compiled per call: a caller parsing many texts against its
// own list should hold a createProductParser instead.
let catalogueParser: ProductParser | null = null;
function compiledFor(products: readonly ProductRef[]): ProductParser {
  if (products !== PRODUCT_CATALOGUE) return buildParser(products, false);
  catalogueParser ??= buildParser(PRODUCT_CATALOGUE, false);
  return catalogueParser;
}
