import { describe, expect, it } from 'vitest';
import { ImportFileError, parseCsvText, parseJsonText } from '../../../electron/core/import/parse-file.js';

describe('parseCsvText', () => {
  it('reads a plain CSV', () => {
    expect(parseCsvText('Item Id,Quota\n1,10\n2,20\n')).toEqual({
      headers: ['Item Id', 'Quota'],
      rows: [
        { line: 2, cells: { 'Item Id': '1', Quota: '10' } },
        { line: 3, cells: { 'Item Id': '2', Quota: '20' } },
      ],
    });
  });

  it('drops a BOM so the first header is clean', () => {
    const t = parseCsvText('\uFEFFItem Id,Quota\r\n1,10\r\n');
    expect(t.headers).toEqual(['Item Id', 'Quota']);
    expect(t.rows[0]?.cells['Item Id']).toBe('1');
  });

  it('handles CRLF, quoted commas, a multi-line notes cell and blank lines with correct line numbers', () => {
    const text = [
      'Item Id,License Item,Notes', // 1
      '1,"DBR (Annual Runtime License for 10,000 barcode scans)",plain', // 2
      '', // 3
      '2,DWT,"first line', // 4
      'second line, with comma', // 5
      'third ""quoted"" line"', // 6
      '3,DLR,', // 7
      '', // 8
      '   ', // 9
      ',,', // 10
      '4,"DBR, quoted","x"', // 11
    ].join('\r\n');
    const t = parseCsvText(text);
    expect(t.rows.map((r) => r.line)).toEqual([2, 4, 7, 11]);
    expect(t.rows[0]?.cells['License Item']).toBe('DBR (Annual Runtime License for 10,000 barcode scans)');
    expect(t.rows[1]?.cells.Notes).toBe('first line\r\nsecond line, with comma\r\nthird "quoted" line');
    expect(t.rows[3]?.cells['License Item']).toBe('DBR, quoted');
  });

  it('counts lines right with LF endings and several multi-line cells', () => {
    const text = 'a,b\n"x\ny\nz",1\n2,"p\nq"\n3,4\n\n\n5,6\n';
    expect(parseCsvText(text).rows.map((r) => r.line)).toEqual([2, 5, 7, 10]);
  });

  it('counts lines right with leading blank lines before the header', () => {
    const t = parseCsvText('\n\nItem Id,Quota\n1,2\n');
    expect(t.headers).toEqual(['Item Id', 'Quota']);
    expect(t.rows[0]?.line).toBe(4);
  });

  it('reads semicolon- and tab-separated files', () => {
    expect(parseCsvText('Item Id;Quota\n1;"10,000"\n').rows[0]?.cells).toEqual({ 'Item Id': '1', Quota: '10,000' });
    expect(parseCsvText('Item Id\tQuota\n1\t10,000\n').rows[0]?.cells).toEqual({ 'Item Id': '1', Quota: '10,000' });
  });

  it('pads short rows, as spreadsheets drop trailing empty cells', () => {
    expect(parseCsvText('a,b,c\n1\n').rows[0]?.cells).toEqual({ a: '1', b: '', c: '' });
  });

  it('names blank headers', () => {
    expect(parseCsvText('a,,c\n1,2,3\n').headers).toEqual(['a', 'Column 2', 'c']);
  });

  const broken: [string, string, RegExp][] = [
    ['an empty file', '', /empty/],
    ['only blank lines', '\n\r\n  \n', /empty/],
    ['an unclosed quote', 'a,b\n1,"open\n2,3\n', /quoted value is never closed/],
    ['a stray quote', 'a,b\n1,x"y"\n', /quote mark/],
    ['too many values', 'a,b\n1,2\n1,2,3\n', /Line 3 has 3 values but the header row has 2 columns/],
    ['a duplicate header', 'a,b,a\n1,2,3\n', /names "a" twice/],
  ];
  it.each(broken)('throws ImportFileError for %s', (_name, text, message) => {
    expect(() => parseCsvText(text)).toThrow(ImportFileError);
    expect(() => parseCsvText(text)).toThrow(message);
  });
});

describe('parseJsonText', () => {
  it('reads an array of objects, stringifying scalars', () => {
    const t = parseJsonText(JSON.stringify([{ 'Item Id': 104200001, Quota: 10000, Active: true, Notes: null }, { 'Item Id': '2', Extra: 'x' }]));
    expect(t.headers).toEqual(['Item Id', 'Quota', 'Active', 'Notes', 'Extra']);
    expect(t.rows).toEqual([
      { line: 1, cells: { 'Item Id': '104200001', Quota: '10000', Active: 'true', Notes: '', Extra: '' } },
      { line: 2, cells: { 'Item Id': '2', Quota: '', Active: '', Notes: '', Extra: 'x' } },
    ]);
  });

  it('accepts { licenses: [...] } and { items: [...] }', () => {
    expect(parseJsonText('{"licenses":[{"a":1}]}').rows).toEqual([{ line: 1, cells: { a: '1' } }]);
    expect(parseJsonText('{"items":[{"a":"x"},{"a":"y"}]}').rows.map((r) => r.line)).toEqual([1, 2]);
  });

  it('accepts an empty list and a BOM', () => {
    expect(parseJsonText('\uFEFF[]')).toEqual({ headers: [], rows: [] });
  });

  it('keeps a "__proto__" key as an ordinary cell', () => {
    const t = parseJsonText('[{"__proto__":"x","a":"1"}]');
    expect(t.headers).toEqual(['__proto__', 'a']);
    expect(Object.hasOwn(t.rows[0]?.cells ?? {}, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  const broken: [string, string, RegExp][] = [
    ['not JSON', '{nope', /not valid JSON/],
    ['a bare object', '{"a":1}', /list of licenses/],
    ['a number', '42', /list of licenses/],
    ['a non-object element', '[{"a":1}, 5]', /Element 2/],
    ['a nested value', '[{"a":{"b":1}}]', /"a" holds a list or object/],
  ];
  it.each(broken)('throws ImportFileError for %s', (_name, text, message) => {
    expect(() => parseJsonText(text)).toThrow(ImportFileError);
    expect(() => parseJsonText(text)).toThrow(message);
  });
});
