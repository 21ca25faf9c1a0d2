// CSV output: RFC 4180 quoting, CRLF line ends (what Excel writes and expects).

import type { CellOut } from './cells';
import { numberText } from './text';

export const CSV_BOM = '\uFEFF';

export function csvLine(values: readonly CellOut[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

function csvField(value: CellOut): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? numberText(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
