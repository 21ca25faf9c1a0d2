// Posting a text message to a group robot (企业微信 / 钉钉). The robot's URL carries its key and the
// 钉钉 加签 secret signs each request: neither appears in a log, an error text or an API answer
// (maskUrl). One attempt with a timeout; the caller records the outcome and never retries in a loop.
import { createHmac } from 'node:crypto';
import { type RobotKind, robotPayload } from '../domain/reminder-text';

export interface RobotTarget {
  kind: RobotKind;
  url: string;
  secret: string | null;
}

export interface RobotResult {
  ok: boolean;
  httpStatus: number | null;
  /** Why it failed, in words that hold neither the URL nor the secret. */
  error: string | null;
}

export const ROBOT_TIMEOUT_MS = 5_000;

/** 钉钉 加签: timestamp and sign = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)) on the URL. */
export function signedUrl(target: RobotTarget, now: Date): string {
  if (target.kind !== 'dingtalk' || !target.secret) return target.url;
  const timestamp = String(now.getTime());
  const sign = createHmac('sha256', target.secret).update(`${timestamp}\n${target.secret}`).digest('base64');
  const url = new URL(target.url);
  url.searchParams.set('timestamp', timestamp);
  url.searchParams.set('sign', sign);
  return url.toString();
}

/** The URL as shown to people: scheme, host and path; every query value but its last 4 characters hidden. */
export function maskUrl(text: string): string {
  try {
    const url = new URL(text);
    const query = [...url.searchParams.entries()]
      .map(([key, value]) => `${key}=${value.length > 8 ? `****${value.slice(-4)}` : '****'}`)
      .join('&');
    return `${url.protocol}//${url.host}${url.pathname}${query ? `?${query}` : ''}`;
  } catch {
    return '（无效地址）';
  }
}

function failure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return '超时未响应';
  const code = (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === 'string' ? `连接失败（${code}）` : '连接失败';
}

/** Both robots answer HTTP 200 with `{"errcode": 0, "errmsg": "ok"}` on success, another errcode otherwise. */
export async function sendRobotText(
  target: RobotTarget,
  content: string,
  options: { now: Date; timeoutMs?: number; fetch?: typeof fetch } = { now: new Date() },
): Promise<RobotResult> {
  const post = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await post(signedUrl(target, options.now), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(robotPayload(target.kind, content)),
      signal: AbortSignal.timeout(options.timeoutMs ?? ROBOT_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    return { ok: false, httpStatus: null, error: failure(error) };
  }
  let text = '';
  try {
    text = await response.text();
  } catch (error) {
    return { ok: false, httpStatus: response.status, error: failure(error) };
  }
  if (!response.ok) return { ok: false, httpStatus: response.status, error: `HTTP ${response.status}` };
  let answer: { errcode?: unknown; errmsg?: unknown } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return { ok: false, httpStatus: response.status, error: '应答不是 JSON' };
  }
  if (answer.errcode === 0) return { ok: true, httpStatus: response.status, error: null };
  const message = typeof answer.errmsg === 'string' ? answer.errmsg.slice(0, 200) : '';
  return {
    ok: false,
    httpStatus: response.status,
    error: `errcode ${String(answer.errcode)} ${message}`.trim(),
  };
}
