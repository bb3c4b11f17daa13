import { describe, expect, it } from 'vitest';
import { maskNumber } from '../../src/webhook/mask.ts';

describe('maskNumber', () => {
  it.each([
    ['380441112233', '380*******33'],
    ['+380441112233', '380*******33'],
    ['+38 (044) 111-22-33', '380*******33'],
    ['77012345678', '770******78'],
    ['123456', '123*56'],
    ['12345', '*****'],
    ['380-44', '*****'],
    ['1', '*'],
    ['', ''],
    ['anonymous', 'ano****us'],
    ['sip/user@pbx.example.com', 'sip*******************om'],
    ['   ', '***'],
    ['+1 (2', '**'],
    ['😀😀😀😀😀😀😀', '😀😀😀**😀😀'],
  ])('masks %j as %j', (value, masked) => {
    expect(maskNumber(value)).toBe(masked);
  });
});
