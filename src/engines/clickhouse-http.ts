/**
 * ClickHouse over HTTP with Node's fetch (no client library): a query in the POST body, the
 * answer as FORMAT JSONCompact. Where the server is and who asks come from questionnaire.yaml's
 * `warehouse:` and the environment; every failure comes back as a sentence for a Problem that
 * names the server by its address without user or password, never as a thrown error.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Warehouse } from '../schemas/engine';

/**
 * fetch over node:http, for the engine's queries. Node's own fetch (undici) gives up on an
 * answer whose headers take more than 300 s, and ClickHouse sends its headers only when the
 * aggregation is done: 10M rows on a small machine take longer. Here only the caller's
 * signal (runClickhouse's timeout) ends a query. A failure to connect rejects as fetch does,
 * the system error as `cause` (ECONNREFUSED, ENOTFOUND …), so reachReason words both alike.
 */
export const httpFetch = ((input: URL | string, init: RequestInit = {}) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(String(input));
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return reject(signal.reason);
    const req = request(url, { method: init.method ?? 'GET', headers: Object.fromEntries(new Headers(init.headers)) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (e) => reject(Object.assign(new TypeError('fetch failed'), { cause: e })));
      res.on('end', () => {
        signal?.removeEventListener('abort', abort);
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, statusText: res.statusMessage ?? '' }));
      });
    });
    const abort = () => {
      req.destroy();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    req.on('error', (e) => {
      signal?.removeEventListener('abort', abort);
      reject(Object.assign(new TypeError('fetch failed'), { cause: e }));
    });
    req.end(typeof init.body === 'string' ? init.body : undefined);
  })) as typeof fetch;

/** Environment variables a CI secret fills (the questionnaire is committed, so it holds none). */
export const CLICKHOUSE_ENV = { url: 'GAPREPORT_CLICKHOUSE_URL', user: 'GAPREPORT_CLICKHOUSE_USER', password: 'GAPREPORT_CLICKHOUSE_PASSWORD' } as const;

export interface ClickhouseConnection {
  /** The endpoint without credentials. */
  url: string;
  /** The endpoint as messages show it: scheme, host, port, path; never user or password. */
  shown: string;
  user?: string;
  password?: string;
  fetch: typeof fetch;
}

export type Env = Record<string, string | undefined>;

/** The connection, or why there is none (a sentence about questionnaire.yaml's warehouse: or the environment). */
export function connectionFor(
  w: Warehouse,
  env: Env = process.env,
  fetchImpl: typeof fetch = httpFetch,
): ClickhouseConnection | { problem: string; hint: string } {
  const raw = w.url ?? env[CLICKHOUSE_ENV.url];
  if (!raw) return { problem: 'warehouse: names no url.', hint: `Add url: (e.g. http://127.0.0.1:8123) under warehouse:, or set ${CLICKHOUSE_ENV.url}.` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: `${CLICKHOUSE_ENV.url} is not a URL.`, hint: 'Write it as http://host:8123 (user and password go in their own variables).' };
  }
  if (w.url && (url.username || url.password))
    return {
      problem: 'warehouse: url holds a user or password, and questionnaire.yaml is committed.',
      hint: `Remove them from the url and set ${CLICKHOUSE_ENV.user} and ${CLICKHOUSE_ENV.password} (e.g. from a CI secret).`,
    };
  const user = env[CLICKHOUSE_ENV.user] || decodeURIComponent(url.username) || undefined;
  const password = env[CLICKHOUSE_ENV.password] || decodeURIComponent(url.password) || undefined;
  url.username = '';
  url.password = '';
  const shown = `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  return { url: url.toString(), shown, user, password, fetch: fetchImpl };
}

export interface Answer {
  /** Column names and ClickHouse types, as `meta` of JSONCompact. */
  meta: { name: string; type: string }[];
  /** One array per row; 64-bit integers arrive as strings, floats as numbers. */
  data: unknown[][];
}

/** ClickHouse's own sentence in an error body (18.x `Code: 60, e.displayText() = DB::Exception: …, e.what() = …`; newer `Code: 60. DB::Exception: … (UNKNOWN_TABLE) (version …)`). */
export function serverSentence(body: string): string {
  const text = body.trim().split('\n')[0];
  const m = /DB::Exception: (.*?)(?:, e\.what\(\) = .*| \([A-Z_]+\) \(version [^)]*\)\.?)?$/.exec(text);
  return (m ? m[1] : text).trim().replace(/\.$/, '');
}

/** Removes the password (and user) wherever a server echoed it, before a sentence becomes a Problem. */
function scrub(text: string, conn: ClickhouseConnection): string {
  let out = text;
  if (conn.password) out = out.split(conn.password).join('***');
  return out;
}

/** The connection failure as people name it (refused, unknown host, timed out), from undici's error cause. */
function reachReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (e as { name?: string })?.name;
  if (code === 'TimeoutError' || code === 'AbortError') return 'timed out';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown host';
  if (code === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return 'timed out';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  return cause?.message ?? code ?? 'network error';
}

/** Runs one query; the rows, or a sentence saying what went wrong (the server's own words when it answered). */
export async function runClickhouse(conn: ClickhouseConnection, sql: string, timeoutMs = 30 * 60_000): Promise<Answer | { error: string }> {
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
  if (conn.user !== undefined || conn.password !== undefined)
    headers.authorization = `Basic ${Buffer.from(`${conn.user ?? 'default'}:${conn.password ?? ''}`).toString('base64')}`;
  // The generated query outgrows the default max_query_size (256 KiB) on wide questionnaires; the limit rides along as a URL setting.
  const url = new URL(conn.url);
  if (sql.length > 200_000) url.searchParams.set('max_query_size', String(2 * sql.length));
  let response: Response;
  try {
    response = await conn.fetch(url, { method: 'POST', headers, body: `${sql}\nFORMAT JSONCompact`, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    return { error: `could not reach ClickHouse at ${conn.shown} (${reachReason(e)})` };
  }
  const body = await response.text().catch(() => '');
  if (!response.ok) return { error: scrub(`ClickHouse at ${conn.shown} answered ${response.status}: ${serverSentence(body) || response.statusText}`, conn) };
  try {
    const parsed = JSON.parse(body) as Answer;
    if (!Array.isArray(parsed.meta) || !Array.isArray(parsed.data)) throw new Error('no meta or data');
    return parsed;
  } catch {
    return { error: `ClickHouse at ${conn.shown} answered something that is not JSONCompact (${body.slice(0, 80).trim() || 'an empty body'})` };
  }
}
