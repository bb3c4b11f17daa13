import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latencyText, logTime } from '../../src/webhook/log-time.ts';

describe('logTime', () => {
  it.each([
    Date.parse('2026-11-24T08:00:00.007Z'),
    Date.parse('2026-11-24T08:00:00.010Z'),
    Date.parse('2026-11-24T08:00:00.999Z'),
    Date.parse('2026-11-24T08:00:01.000Z'),
    Date.parse('2026-12-31T23:59:59.100Z'),
    Date.parse('1999-01-01T00:00:00.050Z'),
    999,
    0,
    -1500,
  ])('writes %i as toISOString and JSON.stringify do', (ms) => {
    const { iso, epoch } = logTime(ms);
    expect({ iso, epoch }).toEqual({
      iso: new Date(ms).toISOString(),
      epoch: JSON.stringify(ms),
    });
  });

  it('gives the same texts again within one millisecond, and new ones after it', () => {
    const ms = Date.parse('2026-11-24T08:00:00.007Z');
    expect(logTime(ms + 0.4).iso).toBe('2026-11-24T08:00:00.007Z');
    expect(logTime(ms + 1).iso).toBe('2026-11-24T08:00:00.008Z');
  });

  it('writes a time that is not finite as the epoch instead of throwing', () => {
    const { iso, epoch } = logTime(Number.NaN);
    expect({ iso, epoch }).toEqual({ iso: '1970-01-01T00:00:00.000Z', epoch: '0' });
  });
});

describe('latencyText', () => {
  const asJson = (ms: number) => JSON.stringify(Math.round(ms * 1000) / 1000);

  it.each([0, 0.0123, 0.12, 0.1, 1, 1.0005, 12.3456, 999_999.9994, -0.5, 2e9, Number.NaN])(
    'writes %d as JSON.stringify writes it rounded to 3 decimals',
    (ms) => {
      expect(latencyText(ms)).toBe(asJson(ms));
    },
  );

  it('agrees with JSON.stringify on 10,000 random latencies', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5000, noNaN: true }), (ms) => {
        expect(latencyText(ms)).toBe(asJson(ms));
      }),
      { seed: 5, numRuns: 10_000 },
    );
  });
});
