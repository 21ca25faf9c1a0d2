// RFC 4180 records through the `csv-parse` package, fed incrementally: quoted fields may hold
// commas, doubled quotes and line breaks; chunks can split anywhere. Memory is bounded: a record
// longer than `maxRecordChars` stops the file (the parser's field buffer never grows past it),
// where the hand-written parser this replaces grew a field without limit (45 MB in one field, three
// uploads at once, ended the server).
import { type CsvError, Parser } from 'csv-parse';

export interface CsvRecord {
  /** 1-based record number: a quoted line break does not start a new row, as in Excel. */
  row: number;
  fields: string[];
  /** The file ended inside a quoted field. */
  unterminated?: boolean;
}

/**
 * The longest record read, in characters (UTF-8 bytes, as csv-parse counts). An Excel cell holds
 * at most 32,767 characters; 2 MiB is room for dozens of such cells in one row, and far past
 * anything in a real import.
 */
export const MAX_RECORD_CHARS = 2 * 1024 * 1024;

/** A record past the limit: the file is not read further. */
export class CsvRecordTooLargeError extends Error {
  override name = 'CsvRecordTooLargeError';
}

/** The part of csv-parse's parser the stream wraps: parse(chunk, end, push, close) → error. */
interface ParserApi {
  parse(
    chunk: Buffer | undefined,
    end: boolean,
    push: (record: string[]) => void,
    close: () => void,
  ): CsvError | undefined;
  state: { record: string[]; field: { toString(encoding?: string): string } };
}

export class CsvParser {
  private readonly api: ParserApi;
  private row = 0;
  private done = false;

  constructor(private readonly maxRecordChars = MAX_RECORD_CHARS) {
    const parser = new Parser({
      delimiter: ',',
      quote: '"',
      escape: '"',
      // Excel's files end lines with CRLF, others LF, old Mac files CR; one file may mix them.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      // A stray quote inside an unquoted field is text (12"3), as Excel reads it.
      relax_quotes: true,
      skip_empty_lines: false,
      bom: false, // decodeFile already dropped it
      max_record_size: maxRecordChars,
    });
    // The synchronous core the stream uses (csv-parse's own sync API is built on it).
    this.api = (parser as unknown as { api: ParserApi }).api;
  }

  /** Feeds decoded text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    return this.run(Buffer.from(text, 'utf8'), false);
  }

  /** Ends the input; returns the last record if the text did not end with a line break. */
  end(): CsvRecord[] {
    return this.run(undefined, true);
  }

  private run(chunk: Buffer | undefined, end: boolean): CsvRecord[] {
    if (this.done) return [];
    const out: CsvRecord[] = [];
    const error = this.api.parse(
      chunk,
      end,
      (fields) => out.push({ row: ++this.row, fields }),
      () => {},
    );
    if (end) this.done = true;
    if (!error) return out;
    this.done = true;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      // What was read of the open record, flagged: the file's rows are reported up to here.
      const { record, field } = this.api.state;
      out.push({ row: ++this.row, fields: [...record, field.toString('utf8')], unterminated: true });
      return out;
    }
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      throw new CsvRecordTooLargeError(
        `第 ${this.row + 1} 条记录超过 ${Math.round(this.maxRecordChars / 1024 / 1024)} MB（一个单元格最多 32,767 个字符），` +
          '文件可能已损坏（例如引号未闭合）或不是数据表，拒绝读取',
      );
    }
    throw error;
  }
}
