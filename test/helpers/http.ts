// Real HTTP against a real database: a server on a free port, and a client that keeps its
// session cookie and CSRF token the way the web app does.
import type { FastifyInstance } from 'fastify';
import { updateUser } from '../../src/db/auth/users';
import type { Database } from '../../src/db/client';
import { type AppOptions, buildApp } from '../../src/http/app';
import { isAdminRole, type Role } from '../../src/policies/roles';
import { createAccount } from '../../src/services/auth/accounts';
import { totp } from '../../src/services/auth/totp';

export const TEST_PASSWORD = 'Huanghe#River2020';
/** A fixed TOTP secret for test admin accounts (base32). */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export interface TestClock {
  (): Date;
  set(date: Date): void;
  advance(ms: number): void;
}

export function testClock(start = new Date()): TestClock {
  let now = start.getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (date) => {
    now = date.getTime();
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

export interface TestServer {
  app: FastifyInstance;
  url: string;
  clock: TestClock;
  close(): Promise<void>;
}

export async function startServer(
  database: Database,
  options: Partial<AppOptions> & { clock?: TestClock } = {},
): Promise<TestServer> {
  const clock = options.clock ?? testClock();
  const app = await buildApp({
    loginRateLimit: { max: 10_000, timeWindow: 60_000 },
    // SIBI_TEST_LOG=1 shows the server's log (an unhandled error's cause) in a test run.
    logger: process.env.SIBI_TEST_LOG === '1',
    ...options,
    database,
    clock,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, clock, close: () => app.close() };
}

export interface Reply<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}
// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked field by field
export type Json = any;

export class Client {
  cookie = '';
  csrf = '';
  constructor(
    readonly base: string,
    readonly headers: Record<string, string> = {},
  ) {}

  async request<T = Json>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const init: RequestInit = {
      method,
      // A redirect is an answer of its own (the matrix counts 3xx as allowed); never followed.
      redirect: 'manual',
      headers: {
        ...this.headers,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    };
    const response = await fetch(`${this.base}${path}`, init);
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      if (!pair?.startsWith('sibi_session=')) continue;
      this.cookie = pair === 'sibi_session=' || /expires=Thu, 01 Jan 1970/i.test(setCookie) ? '' : pair;
    }
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text();
    const parsed = type.includes('application/json') && text ? JSON.parse(text) : text;
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = Json>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Json>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }
  patch<T = Json>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = Json>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = Json>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async login(username: string, password = TEST_PASSWORD, code?: string): Promise<Reply> {
    const reply = await this.post('/api/auth/login', { username, password, ...(code ? { totp: code } : {}) });
    if (reply.status === 200) this.csrf = reply.body.csrfToken;
    return reply;
  }
}

export interface TestAccount {
  username: string;
  role: Role;
  regionCode?: string | null;
  projectCodes?: string[];
  displayName?: string;
}

/** An account ready to use: password set, no pending step; admin roles have TOTP enrolled. */
export async function createTestAccount(database: Database, account: TestAccount): Promise<number> {
  const { account: created } = await createAccount(
    database,
    { actor: 'test', ip: null, now: new Date() },
    { ...account, password: TEST_PASSWORD, mustChangePassword: false },
  );
  if (isAdminRole(account.role)) {
    await updateUser(database.db, created.user.id, { totpSecret: TEST_TOTP_SECRET, totpEnabled: true });
  }
  return created.user.id;
}

/** Logs in as a test account (with a TOTP code for admin roles; codes are accepted once, so the clock must move). */
export async function loginAs(server: TestServer, account: TestAccount): Promise<Client> {
  const client = new Client(server.url);
  const code = isAdminRole(account.role) ? nextTotp(server.clock) : undefined;
  const reply = await client.login(account.username, TEST_PASSWORD, code);
  if (reply.status !== 200)
    throw new Error(`login ${account.username}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return client;
}

/** A TOTP code for the next time step: moves the clock 30 s so the code was never used before. */
export function nextTotp(clock: TestClock, secret = TEST_TOTP_SECRET): string {
  clock.advance(30_000);
  return totp(secret, clock());
}
