// Cell text in .xlsx (ST_Xstring) escapes characters XML 1.0 cannot hold as _xHHHH_: Excel writes a
// carriage return as _x000D_ and a literal "_x000D_" typed in a cell as _x005F_x000D_. exceljs's
// streaming reader leaves the escapes in the text; this undoes them. For xlsx text only, never CSV.

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
