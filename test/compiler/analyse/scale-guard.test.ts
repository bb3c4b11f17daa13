import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { EmittedWebhook } from '../../../src/compiler/analyse/scale-guard.ts';
import {
  COLD_MS_PER_JSON_MB,
  COLD_MS_PER_KEYS_MB,
  coldStartMs,
  scaleProblems,
  sizeOf,
  type WebhookSize,
} from '../../../src/compiler/analyse/scale-guard.ts';
import { compileAll } from '../../../src/compiler/pipeline.ts';
import { formatProblem } from '../../../src/compiler/problem.ts';
import type { TableData } from '../../../src/router/table-data.ts';
import { EXAMPLE_ROUTES } from '../../support/example-routes.ts';

const MB = 1024 * 1024;

function size(name: string, jsonMb: number, keysMb: number): WebhookSize {
  return { name, file: `routes/${name}.yaml`, jsonBytes: jsonMb * MB, keyBytes: keysMb * MB };
}

function messages(sizes: WebhookSize[]): string[] {
  return scaleProblems(sizes).map((p) => formatProblem(p));
}

const PACKAGE = "over Lambda's 250 MB limit for an unzipped package";
const COLD = `at ${COLD_MS_PER_JSON_MB} ms per MB of table data and ${COLD_MS_PER_KEYS_MB} ms per MB of key files, measured by npm run bench), over the 1 s budget`;

describe('scaleProblems', () => {
  it.each<[string, WebhookSize[]]>([
    ['one small webhook', [size('sales', 2, 12)]],
    ['several small webhooks', [size('sales', 2, 12), size('support', 1, 0)]],
    ['tables just under both limits', [size('sales', 39, 1)]],
    ['an empty routes directory', []],
  ])('says nothing for %s', (_, sizes) => {
    expect(messages(sizes)).toEqual([]);
  });

  it('warns when a webhook alone is over the package limit', () => {
    expect(messages([size('big', 1, 300)])).toEqual([
      `routes/big.yaml:1:1: warning: webhook "big": its tables take 301.0 MB (table data 1.0 MB + key files 300.0 MB), ${PACKAGE}: split the webhook or shrink its lists and tables`,
    ]);
  });

  it('warns when a webhook alone would make cold start exceed one second', () => {
    expect(messages([size('slow', 150, 0)])).toEqual([
      `routes/slow.yaml:1:1: warning: webhook "slow": its tables would add about 1.5 s to every cold start (table data 150.0 MB + key files 0.0 MB, ${COLD}: keep long number lists in list files (1000+ numbers ship as binary keys) or split the webhook`,
    ]);
  });

  it('gives both warnings when both limits are passed', () => {
    const parts = '(table data 100.0 MB + key files 200.0 MB';
    expect(messages([size('huge', 100, 200)])).toEqual([
      `routes/huge.yaml:1:1: warning: webhook "huge": its tables take 300.0 MB ${parts}), ${PACKAGE}: split the webhook or shrink its lists and tables`,
      `routes/huge.yaml:1:1: warning: webhook "huge": its tables would add about 1.2 s to every cold start ${parts}, ${COLD}: keep long number lists in list files (1000+ numbers ship as binary keys) or split the webhook`,
    ]);
  });

  it('warns on the largest webhook when only the sum is over a limit', () => {
    expect(messages([size('a', 1, 100), size('b', 1, 160)])).toEqual([
      `routes/b.yaml:1:1: warning: the 2 webhooks' tables together (this one is the largest) take 262.0 MB (table data 2.0 MB + key files 260.0 MB), ${PACKAGE}: split the webhook or shrink its lists and tables`,
    ]);
  });

  it('does not repeat a webhook warning as a total warning', () => {
    expect(messages([size('a', 1, 10), size('b', 1, 300)])).toHaveLength(1);
  });
});

describe('coldStartMs', () => {
  it.each([
    [1, 0, COLD_MS_PER_JSON_MB],
    [0, 2, 2 * COLD_MS_PER_KEYS_MB],
    [10, 100, 10 * COLD_MS_PER_JSON_MB + 100 * COLD_MS_PER_KEYS_MB],
  ])('estimates %d MB of JSON and %d MB of key files at %d ms', (jsonMb, keysMb, ms) => {
    expect(coldStartMs({ jsonBytes: jsonMb * MB, keyBytes: keysMb * MB })).toBe(ms);
  });
});

describe('sizeOf', () => {
  it('counts the table data as build writes it and every key file', () => {
    const table = { webhook: 'sales', description: 'Продажі' } as unknown as TableData;
    const entry: EmittedWebhook = {
      name: 'sales',
      file: 'routes/sales.yaml',
      table,
      files: new Map([
        ['sales.list.vip.keys', new Uint8Array(1016)],
        ['sales.table.0.keys', new Uint8Array(28)],
      ]),
    };
    expect(sizeOf(entry)).toEqual({
      name: 'sales',
      file: 'routes/sales.yaml',
      jsonBytes: Buffer.byteLength(`${JSON.stringify(table)}\n`),
      keyBytes: 1044,
    });
    // Cyrillic takes two bytes per letter: bytes, not characters, are what the package holds.
    expect(sizeOf(entry).jsonBytes).toBe(JSON.stringify(table).length + 1 + 7);
  });
});

describe('compileAll', () => {
  it('raises no scale warning for the example routes', () => {
    const scale = compileAll(EXAMPLE_ROUTES).problems.filter((p) =>
      /cold start|package/.test(p.message),
    );
    expect(scale).toEqual([]);
  });
});
