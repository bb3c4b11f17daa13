import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide, type Params } from '../../../src/router/decide.ts';
import { explain } from '../../../src/router/explain.ts';
import { compileTables } from '../../support/compiled.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/kinds/', import.meta.url));
const table = compileTables(FIXTURES).get('country')!;
const NYC = '12125550123';

function rule(params: Params): string | null {
  return decide(table, params, 0).rule?.id ?? null;
}

describe('country', () => {
  it.each<[string, Params, string | null]>([
    ['a Kazakh mobile under +7', { caller: '77011234567' }, 'kazakhstan'],
    ['a Kazakh number written with + and spaces', { caller: '+7 701 123 45 67' }, 'kazakhstan'],
    ['a Moscow number under the same +7', { caller: '74951234567' }, 'russia-or-ukraine'],
    ['a Russian mobile', { caller: '79161234567' }, 'russia-or-ukraine'],
    ['a Kyiv number', { caller: '380441112233' }, 'russia-or-ukraine'],
    ['a German caller matches no country listed', { caller: '4930123456', callee: NYC }, null],
    [
      'text that starts with the digits is no phone number',
      { caller: '77011234567x', callee: NYC },
      null,
    ],
    ['an absent callee is no US or CA number', { caller: '4930123456' }, 'not-north-america'],
    ['not US or CA holds for a UK callee', { callee: '442071234567' }, 'not-north-america'],
    ['an Ottawa callee is Canadian, not US', { callee: '16135550123' }, 'canada'],
    ['a New York callee is neither rule', { callee: '12125550123' }, null],
  ])('%s', (_name, params, expected) => {
    expect(rule(params)).toBe(expected);
  });

  it('explains a country test that failed', () => {
    expect(explain(table, { caller: '4930123456' }, 0).skipped.slice(0, 2)).toEqual([
      { rule: 'kazakhstan', reason: 'caller is a phone number of KZ: no (caller is "4930123456")' },
      {
        rule: 'russia-or-ukraine',
        reason: 'caller is a phone number of RU, UA: no (caller is "4930123456")',
      },
    ]);
  });

  it('compiles the codes to digit prefixes, so the table holds no metadata', () => {
    const data = table.rules[0]!.data.conditions[0]!.condition;
    expect(data).toEqual({ op: 'country', codes: ['KZ'], prefixes: ['77'] });
  });
});
