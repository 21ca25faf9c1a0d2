import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRecord, CsvRecordTooLargeError } from './csv-parse';

function parseInChunks(text: string, size: number, maxRecordChars?: number): CsvRecord[] {
  const parser = new CsvParser(maxRecordChars);
  const records: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
  return [...records, ...parser.end()];
}

const SAMPLE = 'a,"b,c","say ""hi""","line1\r\nline2"\r\n\r\nx,,"",y\n"last","no newline"';

describe('CsvParser', () => {
  it('handles quoted commas, doubled quotes, line breaks, blank lines and a missing final newline', () => {
    expect(parseInChunks(SAMPLE, SAMPLE.length)).toEqual([
      { row: 1, fields: ['a', 'b,c', 'say "hi"', 'line1\r\nline2'] },
      { row: 2, fields: [''] },
      { row: 3, fields: ['x', '', '', 'y'] },
      { row: 4, fields: ['last', 'no newline'] },
    ]);
  });

  it('gives the same records however the text is split into chunks', () => {
    const whole = parseInChunks(SAMPLE, SAMPLE.length);
    for (const size of [1, 2, 3, 5, 7]) expect(parseInChunks(SAMPLE, size)).toEqual(whole);
  });

  it('treats a lone CR as a line end and a quote after it as opening a field', () => {
    expect(parseInChunks('a\r"b,c"\rd', 1)).toEqual([
      { row: 1, fields: ['a'] },
      { row: 2, fields: ['b,c'] },
      { row: 3, fields: ['d'] },
    ]);
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    // Text after a closing quote keeps its quotes (csv-parse relax_quotes); nothing is dropped.
    expect(parseInChunks('12"3,"a"b\n', 4)).toEqual([{ row: 1, fields: ['12"3', '"a"b'] }]);
  });

  it('stops at a record longer than the limit, however it arrives, and names the record', () => {
    const huge = `a,b\n"${'x'.repeat(5000)}`;
    for (const size of [huge.length, 7, 1000]) {
      expect(() => parseInChunks(huge, size, 4096)).toThrow(CsvRecordTooLargeError);
    }
    expect(() => parseInChunks(`a\nb\n${'y'.repeat(5000)},1\n`, 100, 4096)).toThrow(/第 3 条记录超过/);
    expect(parseInChunks(`${'z'.repeat(4000)}\n`, 100, 4096)).toEqual([
      { row: 1, fields: ['z'.repeat(4000)] },
    ]);
  });

  it('flags a quote left open at the end of the file', () => {
    expect(parseInChunks('a,b\n"c,d\ne', 3)).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['c,d\ne'], unterminated: true },
    ]);
  });

  it('yields nothing for empty input and no extra row after a final newline', () => {
    expect(parseInChunks('', 1)).toEqual([]);
    expect(parseInChunks('a\r\n', 1)).toEqual([{ row: 1, fields: ['a'] }]);
  });
});
