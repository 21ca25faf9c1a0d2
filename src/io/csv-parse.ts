// An incremental RFC 4180 parser: quoted fields may hold commas, doubled quotes and line breaks.
// Chunks can split anywhere, including between the two quotes of an escaped "".

export interface CsvRecord {
  /** 1-based record number: a quoted line break does not start a new row, as in Excel. */
  row: number;
  fields: string[];
  /** The file ended inside a quoted field. */
  unterminated?: boolean;
}

type State = 'field-start' | 'unquoted' | 'quoted' | 'quote-in-quoted' | 'after-cr';

export class CsvParser {
  private state: State = 'field-start';
  private field = '';
  private fields: string[] = [];
  private row = 0;
  private out: CsvRecord[] = [];

  /** Feeds decoded text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    for (let i = 0; i < text.length; i++) this.step(text[i]!);
    return this.drain();
  }

  /** Ends the input; returns the last record if the text did not end with a line break. */
  end(): CsvRecord[] {
    if (this.state === 'quoted') this.endRecord(true);
    else if (this.state !== 'field-start' || this.fields.length > 0) {
      if (this.state !== 'after-cr') this.endRecord(false);
    }
    return this.drain();
  }

  private step(ch: string): void {
    switch (this.state) {
      case 'quoted':
        if (ch === '"') this.state = 'quote-in-quoted';
        else this.field += ch;
        return;
      case 'quote-in-quoted':
        if (ch === '"') {
          this.field += '"';
          this.state = 'quoted';
          return;
        }
        this.state = 'unquoted';
        this.plain(ch);
        return;
      case 'after-cr':
        this.state = 'field-start';
        if (ch !== '\n') this.step(ch);
        return;
      case 'field-start':
        if (ch === '"') {
          this.state = 'quoted';
          return;
        }
        this.plain(ch);
        return;
      default:
        this.plain(ch);
    }
  }

  /** A character outside quotes; a stray quote inside an unquoted field is kept as text. */
  private plain(ch: string): void {
    if (ch === ',') {
      this.fields.push(this.field);
      this.field = '';
      this.state = 'field-start';
    } else if (ch === '\n' || ch === '\r') {
      this.endRecord(false);
      this.state = ch === '\r' ? 'after-cr' : 'field-start';
    } else {
      this.field += ch;
      this.state = 'unquoted';
    }
  }

  private endRecord(unterminated: boolean): void {
    this.fields.push(this.field);
    this.row++;
    this.out.push(
      unterminated
        ? { row: this.row, fields: this.fields, unterminated }
        : { row: this.row, fields: this.fields },
    );
    this.field = '';
    this.fields = [];
  }

  private drain(): CsvRecord[] {
    const records = this.out;
    this.out = [];
    return records;
  }
}
