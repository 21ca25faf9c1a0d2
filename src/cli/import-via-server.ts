// `sibi import --server URL`: the import goes through a running server's API (login, upload,
// logout) instead of opening the database here. The way to import while `sibi serve` holds the
// embedded data folder (PGlite opens in one process only), and into a remote server.
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { ImportKind, InputProblem } from '../domain/records';
import {
  AuthenticationError,
  ConflictError,
  InputRejectedError,
  NotFoundError,
  RuleViolationError,
  UsageError,
} from '../services/errors';

export interface ServerImportRequest {
  server: string;
  kind: ImportKind;
  file: string;
  year?: number;
  list: string;
  dryRun: boolean;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/** Logs in with SIBI_USER / SIBI_PASSWORD (asked for on a terminal), uploads the file, logs out. */
export async function importViaServer<T>(request: ServerImportRequest): Promise<T> {
  const base = serverBase(request.server);
  const username = process.env.SIBI_USER?.trim() || (await ask('账户：', false));
  const password = process.env.SIBI_PASSWORD || (await ask('密码：', true));
  const totp = process.env.SIBI_TOTP?.trim() || undefined;
  const login = await call(base, '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, ...(totp ? { totp } : {}) }),
  });
  const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('sibi_session=')) ?? '').split(
    ';',
  )[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const session = { cookie, 'x-csrf-token': csrfToken };
  try {
    const form = new FormData();
    form.append('file', await openAsBlob(request.file), basename(request.file));
    const query = new URLSearchParams({ list: request.list });
    if (request.year) query.set('year', String(request.year));
    if (request.dryRun) query.set('dryRun', 'true');
    const reply = await call(base, `/api/import/${request.kind}?${query}`, {
      method: 'POST',
      headers: session,
      body: form,
    });
    return (await reply.json()) as T;
  } finally {
    await fetch(new URL('/api/auth/logout', base), { method: 'POST', headers: session }).catch(() => {});
  }
}

function serverBase(text: string): URL {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {}
  throw new UsageError(`--server 应为服务地址，如 http://127.0.0.1:3000：${text}`);
}

/** A request; an error answer becomes the error the local command would have thrown. */
async function call(base: URL, path: string, init: RequestInit): Promise<Response> {
  let reply: Response;
  try {
    reply = await fetch(new URL(path, base), init);
  } catch (error) {
    throw new UsageError(
      `无法连接服务 ${base.origin}：${(error as Error).cause ?? (error as Error).message}`,
    );
  }
  if (reply.ok) return reply;
  const body = (await reply.json().catch(() => ({}))) as ErrorBody;
  const message = body.error?.message ?? `服务返回 ${reply.status}`;
  const details = body.error?.details;
  if (reply.status === 422 && body.error?.code === 'input_rejected' && Array.isArray(details))
    throw new InputRejectedError(message, details as InputProblem[]);
  if (reply.status === 422 && body.error?.code === 'rule_violation')
    throw new RuleViolationError(message, details);
  if (reply.status === 401)
    throw new AuthenticationError(body.error?.code ?? 'unauthenticated', `登录失败：${message}`);
  if (reply.status === 404) throw new NotFoundError(message);
  if (reply.status === 409) throw new ConflictError(message);
  if (reply.status === 400) throw new UsageError(message);
  throw new Error(`服务拒绝了请求（${reply.status}）：${message}`);
}

/** A line from the terminal; the password is not echoed. No terminal: the variable is required. */
async function ask(prompt: string, secret: boolean): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new UsageError(
      `请设置环境变量 ${secret ? 'SIBI_PASSWORD' : 'SIBI_USER'}（--server 以该账户登录服务）`,
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  if (secret) {
    // Echo nothing but the prompt.
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    output._writeToOutput = (s: string) => {
      if (s.includes(prompt)) process.stderr.write(prompt);
    };
  }
  try {
    return await new Promise<string>((resolve) => rl.question(prompt, resolve));
  } finally {
    rl.close();
    if (secret) process.stderr.write('\n');
  }
}
