// CSV rows: encoding detected, decoded and parsed as a stream. Every value is text.

import { decodeFile, detectEncoding } from './csv-decode';
import { CsvParser, type CsvRecord } from './csv-parse';
import type { TableRow } from './read-table';

export async function* readCsv(path: string): AsyncGenerator<TableRow> {
  const encoding = await detectEncoding(path);
  const parser = new CsvParser();
  for await (const text of decodeFile(path, encoding)) {
    for (const record of parser.push(text)) yield toRow(record);
  }
  for (const record of parser.end()) yield toRow(record);
}

function toRow(record: CsvRecord): TableRow {
  const row: TableRow = { row: record.row, cells: record.fields, formulas: [] };
  if (record.unterminated) row.problem = '引号未闭合：从这一行开始的带引号字段直到文件末尾都没有结束引号';
  return row;
}
