// The OpenAPI document comes from the same zod schemas that validate requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { load, REGIONS } from '../../test/helpers/factories';
import { Client, createTestAccount, loginAs, startServer, type TestServer } from '../../test/helpers/http';
import type { Database } from '../db/client';

describe.each(testDatabases())('OpenAPI on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await createTestAccount(database, { username: 'docs1', role: 'viewer', regionCode: '410300' });
    server = await startServer(database);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('describes every API route with the schemas that validate it, to signed-in users only', async () => {
    expect((await new Client(server.url).get('/api/docs/json')).status).toBe(401);
    const client = await loginAs(server, { username: 'docs1', role: 'viewer' });
    const docs = await client.get('/api/docs/json');
    expect(docs.status).toBe(200);
    const documented = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const api = server.app.registeredRoutes
      .filter((r) => !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    expect(documented.sort()).toEqual(api.sort());
    const patch = docs.body.paths['/api/reports/{id}'].patch;
    const body = patch.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['version']);
    expect(body.additionalProperties).toBe(false);
    expect(body.properties.reason).toEqual({ type: 'string', minLength: 2, maxLength: 500 });
    expect(Object.keys(body.properties)).not.toContain('state');
    const list = docs.body.paths['/api/projects'].get.parameters.find(
      (p: { name: string }) => p.name === 'pageSize',
    );
    expect(list.schema).toEqual({ type: 'integer', minimum: 1, maximum: 200, default: 50 });
  });
});
