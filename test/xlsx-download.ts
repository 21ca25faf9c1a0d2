// An Excel export downloaded as the browser does (the session cookie) and read back with exceljs:
// its header row and body rows as plain arrays, for tests comparing an export with the screen's data.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Client, TestServer } from './helpers/http';

export interface Downloaded {
  sheet: ExcelJS.Worksheet;
  disposition: string;
  header: unknown[];
  body: unknown[][];
}

/** GET `url` (path and query) as `client`, expecting an .xlsx. */
export async function downloadXlsx(server: TestServer, client: Client, url: string): Promise<Downloaded> {
  const response = await fetch(`${server.url}${url}`, { headers: { cookie: client.cookie } });
  expect(response.status, await statusText(response)).toBe(200);
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  const rows = sheet.getSheetValues().slice(1) as unknown[][];
  return {
    sheet,
    disposition: response.headers.get('content-disposition') ?? '',
    header: rows[0]!.slice(1),
    body: rows.slice(1).map((row) => row.slice(1)),
  };
}

/** The status and, for an error, its answer (read from a clone, the body stays unread). */
async function statusText(response: Response): Promise<string> {
  return response.ok ? `${response.status}` : `${response.status} ${await response.clone().text()}`;
}

/** The status of GET `url` as `client` (or anonymously). */
export async function statusOf(server: TestServer, client: Client | null, url: string): Promise<number> {
  const response = await fetch(`${server.url}${url}`, client ? { headers: { cookie: client.cookie } } : {});
  await response.arrayBuffer();
  return response.status;
}
