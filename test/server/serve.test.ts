import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.ts';
import { run as call } from '../../src/cli/call.ts';
import { run as serve } from '../../src/cli/serve.ts';
import { BuildFailedError, startServer } from '../../src/server/serve.ts';
import { newKey } from '../../src/webhook/auth.ts';
import { runCli } from '../support/aws-cli.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';
import { type LocalServer, reloadWhere, startLocalServer } from '../support/local-server.ts';

const KEY = newKey();

/** Edits a file of the served copy in place. */
function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  writeFileSync(path, text.replace(from, to));
}

describe('the local server', () => {
  let local: LocalServer;
  let base: string;
  beforeAll(async () => {
    local = await startLocalServer({
      // `locked` is sales behind a key, as `routes key` would set it up.
      prepare: (dir) => {
        const sales = readFileSync(join(dir, 'sales.yaml'), 'utf8');
        const [schemaLine, ...rest] = sales.split('\n');
        const auth = `auth:\n  key_sha256: ${KEY.keySha256}`;
        writeFileSync(join(dir, 'locked.yaml'), [schemaLine, auth, ...rest].join('\n'));
      },
    });
    base = local.server.url;
  });
  afterAll(() => local.stop());

  it('says what it serves, where, and which table', () => {
    const { tableHash } = JSON.parse(
      readFileSync(join(local.outDir, 'lambda', 'manifest.json'), 'utf8'),
    );
    expect(local.lines[0]).toBe(
      `serving ${local.routesDir}/ on http://127.0.0.1:${local.server.port} (locked, sales, support) — table ${tableHash.slice(0, 8)}…`,
    );
  });

  it('answers GET /healthz with the manifest of the build', async () => {
    const response = await fetch(`${base}/healthz`);
    const manifest = readFileSync(join(local.outDir, 'lambda', 'manifest.json'), 'utf8');
    expect([response.status, await response.json()]).toEqual([200, JSON.parse(manifest)]);
  });

  it.each([
    [['/nope', 'caller=1'], '404 Not Found\n{"error":"unknown webhook"}\n'],
    [
      ['/sales', 'caller=1', '--method', 'PATCH'],
      '405 Method Not Allowed\n{"error":"method not allowed"}\n',
    ],
    [
      ['/sales', `pad=${'x'.repeat(70 * 1024)}`, '--send', 'json'],
      '413 Payload Too Large\n{"error":"body over 64 KiB"}\n',
    ],
  ])('answers %j with %j', async ([path, ...rest], stdout) => {
    expect(await runCli(call, [`${base}${path}`, ...rest])).toEqual({
      code: 1,
      stdout,
      stderr: '',
    });
  });

  it('answers 413 for a 70 KiB binary body and keeps serving', async () => {
    const response = await fetch(`${base}/sales`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(70 * 1024),
    });
    expect([response.status, await response.text()]).toEqual([413, '{"error":"body over 64 KiB"}']);
    const after = await runCli(call, [`${base}/sales`, 'caller=380441112233']);
    expect(after.stdout).toBe('200 OK  rule=blocked\n{"schema":111}\n');
  });

  it('logs each decision as a JSON line with the caller masked', async () => {
    await runCli(call, [`${base}/sales`, 'caller=380441112233', 'callid=logged-1']);
    const line = local.lines.findLast((l) => l.startsWith('{'));
    expect(JSON.parse(line!)).toMatchObject({
      webhook: 'sales',
      status: 200,
      rule: 'blocked',
      caller: '380*******33',
    });
  });

  it.each([
    ['no key', []],
    ['a wrong key', ['key=wrong']],
  ])('answers 403 to a webhook with auth given %s', async (_name, extra) => {
    const result = await runCli(call, [`${base}/locked`, 'caller=380441112233', ...extra]);
    expect(result).toEqual({
      code: 1,
      stdout: '403 Forbidden\n{"error":"forbidden"}\n',
      stderr: '',
    });
  });

  it.each(['http', 'json', 'json-rpc'])(
    'answers a webhook with auth given its key (send %s)',
    async (send) => {
      const result = await runCli(call, [
        `${base}/locked`,
        'caller=380441112233',
        `key=${KEY.key}`,
        '--send',
        send,
      ]);
      expect(result).toEqual({
        code: 0,
        stdout: '200 OK  rule=blocked\n{"schema":111}\n',
        stderr: '',
      });
    },
  );

  it('accepts the key in the x-route-key header', async () => {
    const result = await runCli(call, [
      `${base}/locked`,
      'caller=380441112233',
      '--header',
      `x-route-key: ${KEY.key}`,
    ]);
    expect(result.stdout).toBe('200 OK  rule=blocked\n{"schema":111}\n');
  });
});

describe('hot reload', () => {
  let local: LocalServer;
  let call380: () => Promise<string>;
  beforeAll(async () => {
    local = await startLocalServer({ watch: true });
    call380 = async () =>
      (await runCli(call, [`${local.server.url}/sales`, 'caller=380931234567'])).stdout;
  });
  afterAll(() => local.stop());

  it('serves a changed destination, keeps the last good table on errors, and recovers', async () => {
    const { routesDir, server, lines } = local;
    const first = JSON.parse(readFileSync(join(local.outDir, 'lambda', 'manifest.json'), 'utf8'))
      .tableHash as string;
    expect(await call380()).toBe('200 OK  rule=vip\n{"dst_phone":"380441111199"}\n');

    let reload = reloadWhere(server, (e) => e.ok && e.tableHash !== first);
    edit(routesDir, 'sales.yaml', '"380441111199"', '"380441111177"');
    const changed = (await reload).tableHash;
    expect(await call380()).toBe('200 OK  rule=vip\n{"dst_phone":"380441111177"}\n');
    expect(lines).toContain(
      `reloaded ${routesDir}/ (sales, support) — table ${changed.slice(0, 8)}…`,
    );

    reload = reloadWhere(server, (e) => !e.ok);
    edit(routesDir, 'sales.yaml', 'in: vip }', 'in: vips }');
    expect(await reload).toMatchObject({ ok: false, tableHash: changed });
    expect(lines).toContain(
      `${routesDir}/sales.yaml:27:27: rule "vip": unknown list "vips" (lists defined: blocked, vip)`,
    );
    expect(lines).toContain(
      `build failed: 1 error, 0 warnings — keeping the last good table (${changed.slice(0, 8)}…)`,
    );
    expect(await call380()).toBe('200 OK  rule=vip\n{"dst_phone":"380441111177"}\n');

    // Saved the way many editors save: write a temporary file, rename it over the original.
    reload = reloadWhere(server, (e) => e.ok && e.tableHash !== changed);
    const fixed = readFileSync(join(routesDir, 'sales.yaml'), 'utf8')
      .replace('in: vips }', 'in: vip }')
      .replace('"380441111177"', '"380441111155"');
    writeFileSync(join(routesDir, '.sales.yaml.tmp'), fixed);
    renameSync(join(routesDir, '.sales.yaml.tmp'), join(routesDir, 'sales.yaml'));
    await reload;
    expect(await call380()).toBe('200 OK  rule=vip\n{"dst_phone":"380441111155"}\n');
  });

  it('reloads on a change to a list file in a subdirectory', async () => {
    const before = JSON.parse(
      readFileSync(join(local.outDir, 'lambda', 'manifest.json'), 'utf8'),
    ).tableHash;
    const reload = reloadWhere(local.server, (e) => e.ok && e.tableHash !== before);
    writeFileSync(join(local.routesDir, 'lists', 'vip.txt'), '380671112233\n');
    await reload;
    expect(await call380()).toBe('200 OK  rule=default\n{"schema":26076}\n');
  });
});

describe('a broken initial build', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'routes-broken-'));
    cpSync(EXAMPLE_ROUTES, join(root, 'routes'), { recursive: true });
    edit(join(root, 'routes'), 'sales.yaml', 'in: vip }', 'in: vips }');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is refused with the located errors', async () => {
    const lines: string[] = [];
    const routesDir = join(root, 'routes');
    const started = startServer({
      routesDir,
      outDir: join(root, 'out'),
      port: 0,
      log: (l) => lines.push(l),
    });
    await expect(started).rejects.toBeInstanceOf(BuildFailedError);
    await expect(started).rejects.toMatchObject({
      message: 'build failed: 1 error, 0 warnings',
      problems: [{ file: `${routesDir}/sales.yaml`, line: 27, col: 27, severity: 'error' }],
    });
    expect(lines).toEqual([
      `${routesDir}/sales.yaml:27:27: rule "vip": unknown list "vips" (lists defined: blocked, vip)`,
      'build failed: 1 error, 0 warnings — not serving',
    ]);
  });

  it('makes routes serve exit 1', async () => {
    const result = await runCli(serve, [
      '--routes',
      join(root, 'routes'),
      '--out',
      join(root, 'out'),
      '--port',
      '0',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('build failed: 1 error, 0 warnings — not serving\n');
  });
});

describe('routes serve', () => {
  it.each<[string[], { PORT?: string }, string]>([
    [['--port', 'http'], {}, '--port must be a port number (0-65535), got "http"'],
    [['--port', '70000'], {}, '--port must be a port number (0-65535), got "70000"'],
    [[], { PORT: '-1' }, 'PORT must be a port number (0-65535), got "-1"'],
    [['extra'], {}, 'unexpected argument "extra"'],
  ])('rejects %j with env %j', async (argv, env, message) => {
    const saved = process.env.PORT;
    process.env.PORT = env.PORT ?? '';
    try {
      await expect(serve(argv)).rejects.toThrow(new UsageError(message));
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });

  it('serves on the PORT port until SIGTERM, then exits 0', async () => {
    const root = mkdtempSync(join(tmpdir(), 'routes-cli-'));
    cpSync(EXAMPLE_ROUTES, join(root, 'routes'), { recursive: true });
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'serve',
        '--routes',
        join(root, 'routes'),
        '--out',
        join(root, 'out'),
      ],
      {
        env: { ...process.env, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    const exited = once(child, 'exit');
    try {
      await until(() => stdout.includes('serving '), 20_000);
      expect(stdout).toContain(`on http://127.0.0.1:${port} (sales, support)`);
      const answer = await runCli(call, [`http://127.0.0.1:${port}/sales`, 'caller=380441112233']);
      expect(answer.stdout).toBe('200 OK  rule=blocked\n{"schema":111}\n');
      child.kill('SIGTERM');
      expect(await exited).toEqual([0, null]);
      expect(stdout).toContain('SIGTERM: shutting down\n');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
    }
  });
});

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

async function until(ready: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`not ready within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
