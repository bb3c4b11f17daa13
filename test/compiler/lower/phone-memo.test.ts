import { describe, expect, it } from 'vitest';
import { variant } from '../../../src/compiler/lower/phone-memo.ts';

describe('variant', () => {
  it.each([
    ['[89]\\d{9}|[3-9]\\d{8}', '[89][\\dX]{9}|[3-9][\\dX]{8}', '[89Y][\\dY]{9}|[3-9Y][\\dY]{8}'],
    ['7(?:1[0-8]|2\\d)\\d?', '7(?:1[0-8]|2[\\dX])[\\dX]?', '[7Y](?:[1Y][0-8Y]|[2Y][\\dY])[\\dY]?'],
    ['0', '0', '[0Y]'],
  ])('rewrites %s so X means any digit and Y some digit', (source, x, y) => {
    expect(variant(source, 'X')).toBe(x);
    expect(variant(source, 'Y')).toBe(y);
  });

  it.each([
    ['a lookahead', '(?=1)\\d'],
    ['a negated class', '[^0]\\d'],
    ['an escape other than \\d', '\\w'],
    ['any character', '.\\d'],
    ['an end anchor', '([89]\\d{5})$'],
    ['a class with a loose dash', '[0-]'],
    ['an unclosed class', '[0-9'],
  ])('gives up on %s', (_what, source) => {
    expect(variant(source, 'X')).toBeNull();
    expect(variant(source, 'Y')).toBeNull();
  });

  it('finds a padded match only where every completion would match', () => {
    const x = new RegExp(`^(?:${variant('[89]\\d{9}|[3-9]\\d{8}', 'X')})$`);
    expect(x.test('4XXXXXXXX')).toBe(true);
    expect(x.test('XXXXXXXXX')).toBe(false);
    const y = new RegExp(`^(?:${variant('[89]\\d{9}|[3-9]\\d{8}', 'Y')})$`);
    expect(y.test('1YYYYYYYY')).toBe(false);
    expect(y.test('YYYYYYYYY')).toBe(true);
  });
});
