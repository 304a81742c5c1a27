/**
 * A throw-away ClickHouse cluster on loopback for the warehouse engine's tests and the
 * bench: N clickhouse-server processes (Debian's package; no service manager), each with its
 * own config file, ports and temporary folder, and a `remote_servers` cluster `shards` over
 * all of them, so a Distributed table on any one spreads a query across every shard.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Where Debian puts the server (root's PATH has /usr/sbin, a user's may not). */
export function clickhouseServerPath(env = process.env): string | undefined {
  const dirs = ['/usr/sbin', '/usr/bin', ...(env.PATH ?? '').split(delimiter)];
  return dirs.map((d) => join(d, 'clickhouse-server')).find((p) => existsSync(p));
}

/** A port nobody listens on now (the kernel's pick on 127.0.0.1). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  /** Each server's HTTP endpoint, e.g. http://127.0.0.1:41235. */
  urls: string[];
  /** Each server's native TCP port (clickhouse-client --port). */
  tcpPorts: number[];
  /** The cluster name in remote_servers, for Distributed(shards, db, table). */
  cluster: string;
  /** The servers' process ids (the bench reads their CPU time). */
  pids: number[];
  /** Runs SQL on server `i` (default the first); the answer's text, or throws with the server's words. */
  sql: (query: string, i?: number, body?: string) => Promise<string>;
  stop: () => Promise<void>;
}

const config = (dir: string, http: number, tcp: number, shards: { tcp: number }[]) => `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <remote_servers>
    <shards>
${shards.map((s) => `      <shard><replica><host>127.0.0.1</host><port>${s.tcp}</port></replica></shard>`).join('\n')}
    </shards>
  </remote_servers>
</yandex>
`;

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `default` without a password (the shards ask each other as it), and any further user with its password. */
const users = (extra: Record<string, string>) => `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_threads>2</max_threads></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
${Object.entries(extra)
  .map(
    ([name, password]) =>
      `    <${name}><password>${xmlText(password)}</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></${name}>`,
  )
  .join('\n')}
  </users>
  <quotas><default></default></quotas>
</yandex>
`;

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`clickhouse-server exited with code ${child.exitCode} before answering on ${url}`);
    const ok = await fetch(`${url}/ping`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`clickhouse-server did not answer on ${url} within ${timeoutMs / 1000} s`);
}

/** Starts `n` servers as one cluster of `n` shards; stop() ends them and removes their folders. `users`: further users (name → password), e.g. to test credentials. */
export async function startCluster(n = 2, binary = clickhouseServerPath(), timeoutMs = 30_000, extraUsers: Record<string, string> = {}): Promise<Cluster> {
  for (const name of Object.keys(extraUsers)) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a ClickHouse user name: ${name}`);
  if (!binary) throw new Error('clickhouse-server is not installed (apt-get install clickhouse-server)');
  const root = mkdtempSync(join(tmpdir(), 'gapreport-clickhouse-'));
  const ports: { http: number; tcp: number }[] = [];
  for (let i = 0; i < n; i++) ports.push({ http: await freePort(), tcp: await freePort() });
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const hard = setTimeout(() => c.kill('SIGKILL'), 10_000);
            c.once('exit', () => (clearTimeout(hard), resolve()));
            c.kill('SIGTERM');
          }),
      ),
    );
    rmSync(root, { recursive: true, force: true });
  };
  try {
    ports.forEach((p, i) => {
      const dir = join(root, `s${i}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'config.xml'), config(dir, p.http, p.tcp, ports));
      writeFileSync(join(dir, 'users.xml'), users(extraUsers));
      children.push(spawn(binary, [`--config-file=${join(dir, 'config.xml')}`], { cwd: dir, stdio: 'ignore' }));
    });
    const urls = ports.map((p) => `http://127.0.0.1:${p.http}`);
    await Promise.all(urls.map((u, i) => waitReady(u, children[i], timeoutMs)));
    const sql = async (query: string, i = 0, body?: string) => {
      const url = new URL(urls[i]);
      if (body !== undefined) url.searchParams.set('query', query);
      const r = await fetch(url, { method: 'POST', body: body ?? query });
      const text = await r.text();
      if (!r.ok) throw new Error(`ClickHouse: ${text.trim()}\n${query.slice(0, 300)}`);
      return text;
    };
    return { urls, tcpPorts: ports.map((p) => p.tcp), cluster: 'shards', pids: children.map((c) => c.pid ?? -1), sql, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
