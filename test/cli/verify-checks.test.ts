import { describe, expect, it } from 'vitest';
import { envName, routeKeys } from '../../src/cli/verify-checks.ts';

describe('routeKeys', () => {
  it('reads webhook=key pairs separated by newlines, commas or spaces', () => {
    expect(routeKeys('sales=k1\nsupport=k2, kyiv-sales=a=b  bad')).toEqual({
      sales: 'k1',
      support: 'k2',
      'kyiv-sales': 'a=b',
    });
  });

  it('is empty without the variable', () => {
    expect(routeKeys(undefined)).toEqual({});
  });
});

describe('envName', () => {
  it.each([
    ['sales', 'ROUTE_KEY_SALES'],
    ['kyiv-sales', 'ROUTE_KEY_KYIV_SALES'],
  ])('%s reads %s', (webhook, name) => {
    expect(envName(webhook)).toBe(name);
  });
});
