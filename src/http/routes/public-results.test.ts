// Public results (#7) over HTTP on both databases: a public link shows the published snapshot and
// nothing else, whatever happens to the live data; drafts and unpublished ids get no link; a revoked
// link is gone; the QR codes carry exactly the short-link URL; honours lists likewise.
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, project, REGIONS, report } from '../../../test/helpers/factories';
import { Client, createTestAccount, loginAs, startServer, type TestServer } from '../../../test/helpers/http';
import type { Database } from '../../db/client';
import { runEvaluation } from '../../services/evaluate-period';
import { publishEvaluation } from '../../services/publish-evaluation';

// pngjs comes with qrcode (which writes its PNGs with it) and has no types of its own.
const { PNG } = createRequire(import.meta.url)('pngjs') as {
  PNG: { sync: { read(png: Buffer): { width: number; data: Buffer } } };
};

const YI = 100_000_000n;
const NOT_FOUND = { error: { code: 'not_found', message: '未找到', details: null } };

/** The QR symbol a PNG draws (margin 4, 8 px a module), as rows of 0/1. */
function pngModules(png: Buffer, size: number): string[] {
  const image = PNG.sync.read(png);
  const rows: string[] = [];
  for (let r = 0; r < size; r++) {
    let line = '';
    for (let c = 0; c < size; c++) {
      const x = (4 + c) * 8 + 4;
      const y = (4 + r) * 8 + 4;
      line += image.data[(y * image.width + x) * 4]! < 128 ? '1' : '0';
    }
    rows.push(line);
  }
  return rows;
}

function symbolOf(text: string): { size: number; rows: string[] } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const rows: string[] = [];
  for (let r = 0; r < modules.size; r++) {
    let line = '';
    for (let c = 0; c < modules.size; c++) line += modules.get(r, c) ? '1' : '0';
    rows.push(line);
  }
  return { size: modules.size, rows };
}

describe.each(testDatabases())('public results on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let province: Client;
  let city: Client;
  const anonymous = () => new Client(server.url);
  let q3 = 0;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(
      database,
      'projects',
      [
        project('L1', { regionCode: '410322', annualTarget: 10n * YI, nature: 'new' }),
        project('J1', { regionCode: '410800', annualTarget: 10n * YI, nature: 'new' }),
      ],
      { year: 2020, list: 'province_key' },
    );
    await load(database, 'reports', [report('L1', 9, 9n * YI, { started: true }), report('J1', 9, 5n * YI)]);
    q3 = (
      await publishEvaluation(database, {
        scheme: 'sibisikan-2020',
        period: '2020Q3',
        actor: 'pub_officer',
        // Two projects cover too little for the publish gate: published with a reason.
        overrideReason: '测试用的少量数据',
      })
    ).id;
    server = await startServer(database);
    await createTestAccount(database, { username: 'p_prov', role: 'province_officer', regionCode: '410000' });
    await createTestAccount(database, { username: 'p_city', role: 'city_officer', regionCode: '410300' });
    province = await loginAs(server, { username: 'p_prov', role: 'province_officer' });
    city = await loginAs(server, { username: 'p_city', role: 'city_officer' });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('shows the published snapshot only — unchanged after the live data change — and 404 once revoked', async () => {
    expect((await province.get(`/api/evaluations/${q3}/public-link`)).body).toEqual({ link: null });
    expect((await city.post(`/api/evaluations/${q3}/public-link`)).status).toBe(403);
    const created = await province.post(`/api/evaluations/${q3}/public-link`);
    expect(created.status).toBe(201);
    const { slug, shortUrl, pagePath } = created.body.link;
    expect(slug).toMatch(/^[a-km-np-z2-9]{10}$/);
    expect(shortUrl).toBe(`${server.url}/p/${slug}`);
    expect(pagePath).toBe(`/public/${slug}`);
    // Asking again gives the same open link.
    const again = await province.post(`/api/evaluations/${q3}/public-link`);
    expect(again.status).toBe(200);
    expect(again.body.link.slug).toBe(slug);

    const first = await anonymous().get(`/api/public/results/${slug}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('x-robots-tag')).toContain('noindex');
    const body = first.body;
    // Exactly the published fields: no inputs, raw values, explanations, adjustments' authors or publisher.
    expect(Object.keys(body).sort()).toEqual(
      ['groups', 'hash', 'kind', 'period', 'publishedAt', 'region', 'scheme', 'shortUrl', 'slug'].sort(),
    );
    expect(Object.keys(body.scheme).sort()).toEqual(['name', 'total', 'version']);
    for (const group of body.groups) {
      expect(Object.keys(group).sort()).toEqual(['id', 'units']);
      for (const unit of group.units) {
        expect(Object.keys(unit).sort()).toEqual(
          ['base', 'bonus', 'code', 'dimensions', 'name', 'penalty', 'rank', 'score'].sort(),
        );
        for (const d of unit.dimensions)
          expect(Object.keys(d).sort()).toEqual(['id', 'name', 'points', 'score']);
      }
    }
    expect(JSON.stringify(body)).not.toContain('pub_officer');
    expect(body).toMatchObject({
      kind: 'evaluation',
      period: '2020Q3',
      region: { code: '410000', name: '河南省' },
    });
    const stored = await province.get(`/api/evaluations/${q3}`);
    expect(body.hash).toBe(stored.body.hash);
    const cities = body.groups.find((g: { id: string }) => g.id === 'city');
    expect(cities.units.map((u: { code: string; rank: number }) => [u.code, u.rank])).toEqual([
      ['410300', 1],
      ['410800', 2],
    ]);
    const storedLuoyang = stored.body.result.units.find((u: { code: string }) => u.code === '410300');
    expect(cities.units[0].score).toBe(storedLuoyang.adjusted);

    // The live data change: Jiaozuo overtakes Luoyang in a draft; the public page does not move.
    await load(database, 'reports', [report('J1', 9, 10n * YI, { started: true }), report('L1', 9, 1n * YI)]);
    const draft = await runEvaluation(database, { scheme: 'sibisikan-2020', period: '2020Q3', actor: 't' });
    expect(draft.hash).not.toBe(body.hash);
    expect(draft.result.units.find((u) => u.code === '410800')!.rank).toBe(1);
    const later = await anonymous().get(`/api/public/results/${slug}`);
    expect(later.body).toEqual(body);

    // The short link and the QR codes.
    const short = await anonymous().get(`/p/${slug}`);
    expect(short.status).toBe(302);
    expect(short.headers.get('location')).toBe(`/public/${slug}`);
    const svg = await anonymous().get(`/api/public/results/${slug}/qr.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(svg.body).toBe(
      await QRCode.toString(shortUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }),
    );
    const png = await fetch(`${server.url}/api/public/results/${slug}/qr.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const symbol = symbolOf(shortUrl);
    expect(pngModules(bytes, symbol.size)).toEqual(symbol.rows);
    // …and not some other URL's symbol.
    expect(pngModules(bytes, symbol.size)).not.toEqual(symbolOf(`${shortUrl}x`).rows);

    // The kinds do not mix: an evaluation's slug is not an honours list.
    expect((await anonymous().get(`/api/public/honours/${slug}`)).status).toBe(404);

    // Revoked: the page, the QR codes and the office's view all say so.
    const revoked = await province.delete(`/api/evaluations/${q3}/public-link`);
    expect(revoked.body).toEqual({ revoked: [slug] });
    for (const path of [`/api/public/results/${slug}`, `/api/public/results/${slug}/qr.svg`]) {
      const gone = await anonymous().get(path);
      expect(gone.status).toBe(404);
      expect(gone.body).toEqual(NOT_FOUND);
    }
    expect((await province.get(`/api/evaluations/${q3}/public-link`)).body).toEqual({ link: null });
    // A new link gets a new slug; the old one stays dead.
    const renewed = await province.post(`/api/evaluations/${q3}/public-link`);
    expect(renewed.body.link.slug).not.toBe(slug);
    expect((await anonymous().get(`/api/public/results/${slug}`)).status).toBe(404);
    expect((await anonymous().get(`/api/public/results/${renewed.body.link.slug}`)).status).toBe(200);
  });

  it('gives no link to what was not published, and 404 to unknown or malformed slugs', async () => {
    // Drafts are never stored: any id that is not a published evaluation is not found.
    expect((await province.post('/api/evaluations/999999/public-link')).status).toBe(404);
    for (const slug of ['abcdefghij', 'short', 'ABCDEFGHIJ', '../../etc', 'x'.repeat(64)]) {
      const reply = await anonymous().get(`/api/public/results/${encodeURIComponent(slug)}`);
      expect(reply.status, slug).toBe(404);
      expect(reply.body).toEqual(NOT_FOUND);
    }
    expect((await anonymous().get('/p/nope')).status).toBe(404);
  });

  it('answers a revoked or unknown short link 404, never a redirect (issue #14)', async () => {
    const { slug } = (await province.post(`/api/evaluations/${q3}/public-link`)).body.link;
    expect((await anonymous().get(`/p/${slug}`)).status).toBe(302);
    await province.delete(`/api/evaluations/${q3}/public-link`);
    for (const dead of [slug, 'abcdefghij']) {
      const reply = await anonymous().get(`/p/${dead}`);
      expect(reply.status, dead).toBe(404);
      expect(reply.headers.get('location')).toBeNull();
      expect(reply.body).toEqual(NOT_FOUND);
      // A person following the link (or its QR code) gets a page that says so, still 404.
      const page = await anonymous().request('GET', `/p/${dead}`, undefined, { accept: 'text/html' });
      expect(page.status, dead).toBe(404);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.body).toContain('链接无效或已撤销');
    }
  });

  it('builds short links and QR codes from the server, never from the Host header (issue #14)', async () => {
    // fetch will not send a Host of its own choosing; node:http sends what it is given.
    const forged = (method: string, path: string, from?: Client) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const headers: Record<string, string> = {
          host: 'phish.example',
          'x-forwarded-host': 'phish.example',
        };
        if (from) Object.assign(headers, { cookie: from.cookie, 'x-csrf-token': from.csrf });
        const request = httpRequest(`${server.url}${path}`, { method, headers }, (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => {
            text += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        });
        request.on('error', reject);
        request.end();
      });
    const created = await forged('POST', `/api/evaluations/${q3}/public-link`, province);
    expect(created.status).toBeLessThan(300);
    const { slug, shortUrl } = JSON.parse(created.text).link;
    expect(shortUrl).toBe(`${server.url}/p/${slug}`);
    const page = await forged('GET', `/api/public/results/${slug}`);
    expect(JSON.parse(page.text).shortUrl).toBe(shortUrl);
    const svg = await forged('GET', `/api/public/results/${slug}/qr.svg`);
    expect(svg.text).toBe(
      await QRCode.toString(shortUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }),
    );
    await province.delete(`/api/evaluations/${q3}/public-link`);
  });

  it('imports an honours list (rejecting bad rows with file, row and column), publishes it once and links it', async () => {
    const upload = async (csv: string, name = 'honours.csv') => {
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), name);
      return province.request(
        'POST',
        `/api/honours?title=${encodeURIComponent('2020年度先进单位')}&year=2020`,
        form,
      );
    };
    const bad = await upload(
      '序号,名称,地区代码,类别,备注\r\n1,洛阳建设集团,410300,先进单位,\r\nx,,410399,,\r\n3,焦作某公司,990000,,\r\n',
    );
    expect(bad.status).toBe(422);
    const problems = bad.body.error.details;
    expect(JSON.stringify(problems)).toContain('honours.csv');
    const where = (problems as { row: number; column: string }[]).map((p) => `${p.row}:${p.column}`).sort();
    expect(where).toEqual(['3:名称', '3:序号']);
    expect((await province.get('/api/honours')).body.items).toEqual([]);
    // A region code outside the province is refused by the service, with its row and column.
    const outside = await upload('序号,名称,地区代码\r\n1,外省公司,110000\r\n');
    expect(outside.status).toBe(422);
    expect(JSON.stringify(outside.body)).toContain('地区代码');

    const created = await upload(
      '序号,名称,地区代码,类别,备注\r\n2,焦作某公司,410800,先进单位,\r\n1,洛阳建设集团,410300,先进单位,提前投产\r\n',
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.items.map((e: { name: string }) => e.name)).toEqual(['洛阳建设集团', '焦作某公司']);
    expect((await province.post(`/api/honours/${id}/public-link`)).status).toBe(404);
    expect((await city.get('/api/honours')).status).toBe(403);
    const published = await province.post(`/api/honours/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).not.toBeNull();
    expect((await province.post(`/api/honours/${id}/publish`)).status).toBe(409);
    // Final in the database too: the trigger refuses a change.
    await expect(
      database.db.execute(sql`update honour_lists set title = 'x' where id = ${id}`),
    ).rejects.toThrow();

    const link = await province.post(`/api/honours/${id}/public-link`);
    expect(link.status).toBe(201);
    const page = await anonymous().get(`/api/public/honours/${link.body.link.slug}`);
    expect(page.status).toBe(200);
    expect(Object.keys(page.body).sort()).toEqual(
      [
        'entries',
        'hash',
        'issuedBy',
        'issuedOn',
        'kind',
        'publishedAt',
        'shortUrl',
        'slug',
        'title',
        'year',
      ].sort(),
    );
    expect(page.body.entries[0]).toEqual({
      position: 1,
      name: '洛阳建设集团',
      regionCode: '410300',
      category: '先进单位',
      note: '提前投产',
    });
    expect(page.body.hash).toBe(published.body.hash);
    expect((await anonymous().get(`/api/public/results/${link.body.link.slug}`)).status).toBe(404);
    await province.delete(`/api/honours/${id}/public-link`);
    expect((await anonymous().get(`/api/public/honours/${link.body.link.slug}`)).status).toBe(404);
  });
});
