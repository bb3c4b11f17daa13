import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide, type Params } from '../../src/router/decide.ts';
import { splitBucket } from '../../src/router/split.ts';
import type { Target } from '../../src/router/types.ts';
import { compileTables } from '../support/compiled.ts';
import { createRng } from '../support/random-values.ts';
import { referenceFnv1a } from '../support/reference.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/router/', import.meta.url));
const table = compileTables(FIXTURES).get('split')!;
const NOW = Date.parse('2026-03-25T08:00:00Z');
const DIRECT: Target = { kind: 'to', to: '380441111111' };
const SCHEME: Target = { kind: 'schema', schema: 77 };

function route(params: Params): [string | null, Target] {
  const { rule, target } = decide(table, params, NOW);
  return [rule?.id ?? null, target];
}

describe('splitBucket', () => {
  // 32-bit FNV-1a of each value, computed with Python (the FNV spec's published vectors for
  // "", "a" and "foobar"); modulo 2^32 the bucket is the hash itself.
  it.each([
    ['', 2166136261],
    ['a', 3826002220],
    ['foobar', 3214735720],
    ['380501112233', 2182159570],
    ['380501112234', 2098271475],
    ['380441112233', 1881124313],
    ['77011234567', 2312979592],
    // FNV-1a is defined on bytes: non-ASCII callers hash their UTF-8 encoding.
    ['й', 2529392258],
    ['€', 697271083],
    ['😀', 866293256],
    ['caller-é', 1929759721],
  ])('hashes %j to the pinned FNV-1a value %i', (caller, hash) => {
    expect(splitBucket(caller, 2 ** 32)).toBe(hash);
  });

  it.each([
    ['380501112233', 100, 70],
    ['380501112234', 100, 75],
    ['380441112233', 2, 1],
    ['77011234567', 7, 2312979592 % 7],
  ])('buckets %j modulo %i as %i', (caller, total, bucket) => {
    expect(splitBucket(caller, total)).toBe(bucket);
  });

  it('agrees with the reference FNV-1a on random strings, non-ASCII included', () => {
    const rng = createRng(32);
    const alphabet = '0123456789+ ()-abcxyzйїґ€😀';
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: rng.int(20) }, () => rng.pick([...alphabet])).join('');
      const total = 1 + rng.int(1000);
      expect(splitBucket(text, total)).toBe(referenceFnv1a(text) % total);
    }
  });
});

describe('split routes', () => {
  it.each<[string, Target]>([
    // Bucket 70 is the first past the 70-weight branch, so 380501112233 takes the scheme.
    ['380501112233', SCHEME],
    ['380501112234', SCHEME],
    ['380441112233', DIRECT],
    ['380671234567', SCHEME],
    ['77011234567', SCHEME],
  ])('sends caller %s to the branch its hash picks', (caller, target) => {
    expect(route({ caller, campaign: 'spring' })).toEqual(['spring', target]);
  });

  it.each(['380441112233', '+380441112233', '+38 (044) 111-22-33', ' 380-44-111-22-33 '])(
    'sends a caller written as %j to the same branch as its digits',
    (caller) => {
      expect(route({ caller, campaign: 'spring' })).toEqual(['spring', DIRECT]);
    },
  );

  it('hashes an absent caller as the empty string (bucket 61 of 100: the first branch)', () => {
    expect(route({ campaign: 'spring' })).toEqual(['spring', DIRECT]);
  });

  it('gives each branch about its share of callers', () => {
    let direct = 0;
    for (let i = 0; i < 10_000; i++) {
      if (
        route({ caller: String(380_500_000_000 + i * 7919), campaign: 'spring' })[1].kind === 'to'
      )
        direct++;
    }
    expect(direct).toBeGreaterThan(6_800);
    expect(direct).toBeLessThan(7_200);
  });

  it.each<[string | undefined, Target]>([
    ['380441112233', { kind: 'schema', schema: 2 }],
    ['380501112233', { kind: 'to', to: '380441110000' }],
    ['380501112234', { kind: 'schema', schema: 2 }],
    [undefined, { kind: 'schema', schema: 2 }],
  ])('splits the default by the same hash: caller %s', (caller, target) => {
    expect(route(caller === undefined ? {} : { caller })).toEqual([null, target]);
  });
});
