import { describe, expect, it } from 'vitest';
import { keyOf, normalizeValue } from '../../src/router/normalize.ts';

describe('normalizeValue', () => {
  it.each([
    ['+38 (044) 111-22-33', '380441112233'],
    ['380441112233', '380441112233'],
    ['  380441112233\t', '380441112233'],
    [' google ', 'google'],
    ['Google', 'Google'],
    ['0441', '0441'],
    ['+0441', '0441'],
    ['a-b', 'a-b'],
    ['---', '---'],
    ['()', '()'],
    ['3.5', '3.5'],
    ['380 44 111', '38044111'],
    ['sip/ads@pbx.example.com', 'sip/ads@pbx.example.com'],
    ['\u00a0cpc\u3000', 'cpc'],
    ['', ''],
    ['   ', ''],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normalizeValue(raw)).toBe(expected);
  });

  it('returns the very same string when there is nothing to change', () => {
    const clean = 'spring-campaign';
    expect(Object.is(normalizeValue(clean), clean)).toBe(true);
  });
});

describe('keyOf', () => {
  it.each([
    ['380441112233', 380441112233],
    ['1', 1],
    ['999999999999999', 999999999999999],
    ['0441112233', -1],
    ['0', -1],
    ['1234567890123456', -1],
    ['', -1],
    ['38044a', -1],
    ['+380', -1],
    [' 380', -1],
  ])('gives %j the key %d', (digits, expected) => {
    expect(keyOf(digits)).toBe(expected);
  });
});
