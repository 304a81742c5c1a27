/**
 * The warehouse engine's connection: where the server is and who asks come from
 * questionnaire.yaml's warehouse: and the environment, and every failure is a sentence for
 * a Problem that names the server without user or password (no server needed here: a fake fetch).
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { connectionFor, httpFetch, runClickhouse, serverSentence, type ClickhouseConnection } from '../../src/engines/clickhouse-http';
import { analyzeWith } from '../../src/engines/run-fs';
import { formatProblem } from '../../src/schemas/problem';
import { OPTIONS } from '../perf/compare';
import { Q, tempDatasets } from './dataset';

const W = { source: 'clickhouse' as const, table: 'gap.responses' };
const conn = (fetchImpl: typeof fetch, env = {}) => connectionFor({ ...W, url: 'http://127.0.0.1:1' }, env, fetchImpl) as ClickhouseConnection;

describe('connectionFor(warehouse, env)', () => {
  it('takes the url from GAPREPORT_CLICKHOUSE_URL when the questionnaire has none, credentials out of the url', () => {
    const c = connectionFor(W, { GAPREPORT_CLICKHOUSE_URL: 'https://bob:s3cret@ch.example:8443/' }) as ClickhouseConnection;
    expect([c.url, c.shown, c.user, c.password]).toEqual(['https://ch.example:8443/', 'https://ch.example:8443', 'bob', 's3cret']);
  });

  it('refuses a user or password written into questionnaire.yaml, which is committed', () => {
    expect(connectionFor({ ...W, url: 'http://bob:pw@127.0.0.1:8123' }, {})).toMatchInlineSnapshot(`
      {
        "hint": "Remove them from the url and set GAPREPORT_CLICKHOUSE_USER and GAPREPORT_CLICKHOUSE_PASSWORD (e.g. from a CI secret).",
        "problem": "warehouse: url holds a user or password, and questionnaire.yaml is committed.",
      }
    `);
  });

  it('says where to put the url when there is none', () => {
    expect(connectionFor(W, {})).toEqual({
      problem: 'warehouse: names no url.',
      hint: 'Add url: (e.g. http://127.0.0.1:8123) under warehouse:, or set GAPREPORT_CLICKHOUSE_URL.',
    });
  });
});

describe('runClickhouse(connection, sql)', () => {
  it('words a refused connection without a stack trace', async () => {
    const refused = (async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    }) as typeof fetch;
    expect(await runClickhouse(conn(refused), 'SELECT 1')).toEqual({ error: 'could not reach ClickHouse at http://127.0.0.1:1 (connection refused)' });
  });

  it("gives the server's own sentence, never the password it may echo", async () => {
    const body = 'Code: 193, e.displayText() = DB::Exception: Wrong password for user bob: hunter2, e.what() = DB::Exception';
    const denied = (async () => new Response(body, { status: 403 })) as typeof fetch;
    const c = conn(denied, { GAPREPORT_CLICKHOUSE_USER: 'bob', GAPREPORT_CLICKHOUSE_PASSWORD: 'hunter2' });
    expect(await runClickhouse(c, 'SELECT 1')).toEqual({ error: 'ClickHouse at http://127.0.0.1:1 answered 403: Wrong password for user bob: ***' });
  });

  it('sends the credentials as HTTP basic auth, not in the url', async () => {
    let seen: { url: string; auth: string | null } | undefined;
    const spy = (async (url: URL, init: RequestInit) => {
      seen = { url: String(url), auth: new Headers(init.headers).get('authorization') };
      return new Response('{"meta":[],"data":[]}');
    }) as unknown as typeof fetch;
    await runClickhouse(conn(spy, { GAPREPORT_CLICKHOUSE_USER: 'bob', GAPREPORT_CLICKHOUSE_PASSWORD: 'pw' }), 'SELECT 1');
    expect(seen).toEqual({ url: 'http://127.0.0.1:1/', auth: `Basic ${Buffer.from('bob:pw').toString('base64')}` });
  });

  it('waits for a slow answer over node:http until its own timeout, and words the timeout', async () => {
    // ClickHouse sends its headers only when the aggregation is done; here after 300 ms.
    const server = createHttpServer((_req, res) => setTimeout(() => res.end('{"meta":[{"name":"x","type":"UInt8"}],"data":[[1]]}'), 300));
    const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
    try {
      const c = connectionFor({ ...W, url: `http://127.0.0.1:${port}` }, {}, httpFetch) as ClickhouseConnection;
      expect(await runClickhouse(c, 'SELECT 1', 5_000)).toEqual({ meta: [{ name: 'x', type: 'UInt8' }], data: [[1]] });
      expect(await runClickhouse(c, 'SELECT 1', 50)).toEqual({ error: `could not reach ClickHouse at http://127.0.0.1:${port} (timed out)` });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it.each([
    ["Code: 60, e.displayText() = DB::Exception: Table gap.x doesn't exist., e.what() = DB::Exception", "Table gap.x doesn't exist"],
    ["Code: 60. DB::Exception: Table gap.x doesn't exist. (UNKNOWN_TABLE) (version 23.8.1.1)", "Table gap.x doesn't exist"],
  ])('reads the sentence of a ClickHouse error body %#', (body, sentence) => {
    expect(serverSentence(body)).toBe(sentence);
  });
});

describe('the clickhouse engine without a server', () => {
  const dataset = tempDatasets('gapreport-ch-http-');

  it('reports an unreachable server as a problem of the table, with no figures', async () => {
    // A port nobody listens on: the kernel's pick, released.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const p = (server.address() as { port: number }).port;
        server.close(() => resolve(p));
      });
    });
    const dir = dataset('down', { 'questionnaire.yaml': `${Q}warehouse: { source: clickhouse, table: gap.responses, url: "http://127.0.0.1:${port}" }\n` });
    const r = await analyzeWith('clickhouse', dir, OPTIONS);
    expect(r.figures).toBeUndefined();
    expect(r.problems.map(formatProblem).map((p) => p.replace(`:${port}`, ':PORT'))).toMatchInlineSnapshot(`
      [
        "clickhouse:gap.responses: cannot be read: could not reach ClickHouse at http://127.0.0.1:PORT (connection refused). Check warehouse: in questionnaire.yaml (url, table) and GAPREPORT_CLICKHOUSE_URL / _USER / _PASSWORD, and that the server answers.",
      ]
    `);
  });

  it('asks for a warehouse table when the dataset names none', async () => {
    const dir = dataset('csv', { 'questionnaire.yaml': Q, 'responses.csv': 'respondent_id,wave,nps\nr1,W,9\n' });
    const r = await analyzeWith('clickhouse', dir, OPTIONS);
    expect(r.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml: names no warehouse table, so the clickhouse engine has nothing to read. Add warehouse: { source: clickhouse, table: <db.table>, url: <http://host:8123> }, or choose the memory, stream or duckdb engine for CSV files.",
      ]
    `);
  });
});
