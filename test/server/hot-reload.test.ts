// Faults while the local server serves with watching on: a real server on 127.0.0.1, real files,
// and every step waits for the server's own reload event, never a fixed sleep.
import { appendFileSync, cpSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as call } from '../../src/cli/call.ts';
import { formatProblem } from '../../src/compiler/problem.ts';
import type { ReloadEvent } from '../../src/server/serve.ts';
import { runCli } from '../support/aws-cli.ts';
import { type LocalServer, reloadWhere, startLocalServer } from '../support/local-server.ts';

const VIP = '200 OK  rule=vip\n{"dst_phone":"380441111199"}\n';
let local: LocalServer;
let sales: string;
let good: string;
let firstHash: string;

beforeAll(async () => {
  local = await startLocalServer({
    watch: true,
    // The project's own fixtures, whatever the repository's routes/ holds.
    prepare: (dir) => {
      rmSync(dir, { recursive: true, force: true });
      cpSync('test/fixtures/routes', dir, { recursive: true });
    },
  });
  sales = join(local.routesDir, 'sales.yaml');
  good = readFileSync(sales, 'utf8');
  const manifest = readFileSync(join(local.outDir, 'lambda', 'manifest.json'), 'utf8');
  firstHash = JSON.parse(manifest).tableHash;
});
afterAll(() => local.stop());

async function vipCall(): Promise<string> {
  return (await runCli(call, [`${local.server.url}/sales`, 'caller=380931234567'])).stdout;
}

/** Makes `change`, then waits for the first reload that `accept`s. */
async function reloadAfter(change: () => void, accept: (e: ReloadEvent) => boolean) {
  const reload = reloadWhere(local.server, accept);
  change();
  return reload;
}

/** Waits for the failed reload `change` causes; checks its errors were printed, located, and the old table kept. */
async function fails(change: () => void): Promise<ReloadEvent> {
  const mark = local.lines.length;
  const failed = await reloadAfter(change, (e) => !e.ok);
  const errors = failed.problems.filter((p) => p.severity === 'error');
  expect(failed.tableHash).toBe(firstHash);
  expect(local.lines.slice(mark)).toEqual(
    expect.arrayContaining([
      ...errors.map(formatProblem),
      `build failed: ${errors.length} error${errors.length === 1 ? '' : 's'}, 0 warnings — keeping the last good table (${firstHash.slice(0, 8)}…)`,
    ]),
  );
  expect(await vipCall()).toBe(VIP);
  return failed;
}

/** Waits for the clean reload `change` causes and checks the first table is back. */
async function recovers(change: () => void): Promise<void> {
  const mark = local.lines.length;
  expect((await reloadAfter(change, (e) => e.ok)).tableHash).toBe(firstHash);
  expect(local.lines.slice(mark)).toContain(
    `reloaded ${local.routesDir}/ (sales, support) — table ${firstHash.slice(0, 8)}…`,
  );
  expect(await vipCall()).toBe(VIP);
}

/** Resolves after `ms`: only to pace a writer, never to wait for the server. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('hot reload under faults', () => {
  it('keeps the last good table for a half-written file, then swaps in the whole one', async () => {
    const cut = good.indexOf('    when: { caller: { in: vip } }') + 8;
    const failed = await fails(() => writeFileSync(sales, good.slice(0, cut)));
    expect(failed.problems.map((p) => [p.file, p.line])).toEqual([[sales, 27]]);
    await recovers(() => appendFileSync(sales, good.slice(cut)));
  });

  it('keeps the last good table when a list file is deleted, then reads it again', async () => {
    const vip = join(local.routesDir, 'lists', 'vip.txt');
    const list = readFileSync(vip, 'utf8');
    const failed = await fails(() => unlinkSync(vip));
    expect(failed.problems.map((p) => [p.file, p.line, p.col])).toEqual([[sales, 18, 8]]);
    expect(failed.problems[0]!.message).toContain('lists/vip.txt');
    await recovers(() => writeFileSync(vip, list));
  });

  it('keeps the last good table for a broken edit, then takes the fix', async () => {
    const broken = good.replace('timezone: Europe/Kyiv', 'timezone: Europe/Kyyiv');
    const failed = await fails(() => writeFileSync(sales, broken));
    expect(failed.problems.map((p) => [p.file, p.line, p.col])).toEqual([[sales, 3, 11]]);
    await recovers(() => writeFileSync(sales, good));
  });

  it('serves the last of a burst of saves, keeping the last good table while they are broken', async () => {
    const reloads: ReloadEvent[] = [];
    const listener = (e: ReloadEvent) => reloads.push(e);
    local.server.reloaded.on('reload', listener);
    try {
      const final = await reloadAfter(
        () => {
          for (let i = 0; i < 30; i++)
            writeFileSync(sales, good.replace('in: vip }', `in: vip${i} }`));
          writeFileSync(sales, good.replace('"380441111199"', '"380441111177"'));
        },
        (e) => e.ok,
      );
      expect(final.tableHash).not.toBe(firstHash);
      expect(reloads.slice(0, -1).every((e) => !e.ok && e.tableHash === firstHash)).toBe(true);
    } finally {
      local.server.reloaded.off('reload', listener);
    }
    expect(await vipCall()).toBe('200 OK  rule=vip\n{"dst_phone":"380441111177"}\n');
    await recovers(() => writeFileSync(sales, good));
  });

  it('reloads while a stream of saves never goes quiet', async () => {
    let reloaded = false;
    const reload = reloadWhere(local.server, (e) => e.ok).then(() => {
      reloaded = true;
    });
    // A save every 20 ms is never 100 ms quiet; 200 of them last at least 4 s.
    let saves = 0;
    while (!reloaded && saves < 200) {
      writeFileSync(sales, `${good}\n# autosave ${saves++}\n`);
      await pause(20);
    }
    expect([reloaded, saves < 200]).toEqual([true, true]);
    await reload;
    await recovers(() => writeFileSync(sales, good));
  });
});
