import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GrowthBookClient } from '@growthbook/growthbook';
import { FlagdCore } from '@openfeature/flagd-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreement,
  answerOf,
  CAMPAIGN,
  DEFAULT,
  flagdConfig,
  growthbookFeatures,
  LIST_TO,
  PEER_WEBHOOK,
  peerCalls,
  peerList,
  SCENARIOS,
  type Scenario,
  SPLIT_TO,
  trimmed,
  writePeerRoutes,
} from '../../bench/peers.ts';
import { buildAll } from '../../src/compiler/emit/build.ts';
import { decide } from '../../src/router/decide.ts';
import type { Table } from '../../src/router/table.ts';
import { loadRoutesDir } from '../../src/webhook/routes-dir.ts';

const list = peerList();
let work: string;
let tables: Map<string, Table>;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'peers-test-'));
  writePeerRoutes(join(work, 'routes'), list);
  const built = await buildAll({ routesDir: join(work, 'routes'), outDir: join(work, 'out') });
  expect(built.problems).toEqual([]);
  tables = loadRoutesDir(join(work, 'out', 'lambda')).tables;
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function flagd(): (scenario: Scenario, call: Record<string, string>) => string {
  const core = new FlagdCore();
  expect(core.setConfigurations(JSON.stringify(flagdConfig(list))).sort()).toEqual([
    'list',
    'split',
  ]);
  return (scenario, call) => {
    const r = core.resolveStringEvaluation(scenario, 'unset', call);
    expect(r.errorCode).toBeUndefined();
    return r.value;
  };
}

function growthbook(): (scenario: Scenario, call: Record<string, string>) => string {
  const client = new GrowthBookClient();
  client.initSync({ payload: { features: growthbookFeatures(list) } });
  return (scenario, call) => String(client.evalFeature(scenario, { attributes: call }).value);
}

const ours = (scenario: Scenario, call: Record<string, string>) =>
  answerOf(decide(tables.get(PEER_WEBHOOK[scenario])!, call, 0));

describe('the peer scenarios', () => {
  it('list 10,000 distinct numbers, and the calls hit and miss about half each', () => {
    expect(new Set(list).size).toBe(10_000);
    for (const scenario of SCENARIOS) {
      const hits = peerCalls(scenario, 1000, 3, list).filter(
        (c) => ours(scenario, c) !== DEFAULT,
      ).length;
      expect(hits).toBeGreaterThan(400);
      expect(hits).toBeLessThan(600);
    }
  });

  for (const [name, make] of [
    ['decide', () => ours],
    ['flagd-core', flagd],
    ['GrowthBook', growthbook],
  ] as const) {
    it(`${name} answers the hand-made calls`, () => {
      const answer = make();
      const split = answer('split', { campaign: CAMPAIGN, caller: '380681234567' });
      expect(SPLIT_TO).toContain(split);
      expect(answer('split', { campaign: 'autumn', caller: '380681234567' })).toBe(DEFAULT);
      expect(answer('split', { caller: '380681234567' })).toBe(DEFAULT);
      expect(answer('list', { caller: list[0]! })).toBe(LIST_TO);
      expect(answer('list', { caller: list[9999]! })).toBe(LIST_TO);
      expect(answer('list', { caller: '380681234567' })).toBe(DEFAULT);
    });
  }

  for (const [name, make] of [
    ['flagd-core', flagd],
    ['GrowthBook', growthbook],
  ] as const) {
    it(`${name} agrees with decide on every generated call, full or trimmed`, () => {
      const answer = make();
      for (const scenario of SCENARIOS) {
        const calls = peerCalls(scenario, 512, 11, list);
        const mine = calls.map((c) => ours(scenario, c));
        for (const input of [calls, calls.map((c) => trimmed(scenario, c))]) {
          const check = agreement(
            scenario,
            mine,
            input.map((c) => answer(scenario, c)),
          );
          expect(check.disagree).toBe(0);
          expect(check.hits).toBe(mine.filter((a) => a !== DEFAULT).length);
          if (scenario === 'split') {
            expect(check.firstBranch / check.hits).toBeGreaterThan(0.4);
            expect(check.firstBranch / check.hits).toBeLessThan(0.6);
          }
        }
      }
    });
  }
});

describe('agreement', () => {
  const [a, b] = SPLIT_TO;
  it('lets a split branch differ but not a hit or a miss', () => {
    expect(agreement('split', [a, b, DEFAULT], [b, a, DEFAULT])).toEqual({
      hits: 2,
      disagree: 0,
      firstBranch: 1,
    });
    expect(agreement('split', [a, DEFAULT], [DEFAULT, b]).disagree).toBe(2);
    expect(agreement('split', [a], ['380440000000']).disagree).toBe(1);
  });

  it('wants the same list answer on every call', () => {
    expect(agreement('list', [LIST_TO, DEFAULT], [LIST_TO, DEFAULT]).disagree).toBe(0);
    expect(agreement('list', [LIST_TO, DEFAULT], [DEFAULT, LIST_TO])).toEqual({
      hits: 1,
      disagree: 2,
      firstBranch: 0,
    });
  });
});
