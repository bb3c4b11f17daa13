import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../../src/router/table.ts';
import type { Manifest } from '../../src/router/types.ts';
import { createHandler } from '../../src/webhook/handler.ts';
import { headerNames, readHeaders } from '../../src/webhook/header-params.ts';
import { compileTables } from '../support/compiled.ts';
import { event, type Parts } from './request-events.ts';

// Ringostat users rename parameters freely; these two names carry upper-case letters.
const SALES = `# yaml-language-server: $schema=../schema/routes.schema.json
default: { schema: 1 }
rules:
  - id: e164
    when: { E164: "+380441112233" }
    route: { schema: 2 }
  - id: insertion
    when: { insertionType: callback }
    route: { schema: 3 }
`;

let root: string;
let table: Table;
let handle: ReturnType<typeof createHandler>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'routes-header-names-'));
  writeFileSync(join(root, 'sales.yaml'), SALES);
  table = compileTables(root).get('sales')!;
  const manifest = { tableHash: 'test', webhooks: { sales: { rules: 2, hash: 'test' } } };
  handle = createHandler(
    { manifest: manifest as unknown as Manifest, tables: new Map([['sales', table]]) },
    { log: () => {} },
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a webhook with upper-case parameter names', () => {
  it('lists them in its table: every name a rule reads, plus caller and date, sorted', () => {
    expect(table.data.params).toEqual(['E164', 'caller', 'date', 'insertionType']);
  });

  it.each<[string, Parts, string]>([
    ['a bare header', { headers: { e164: '+380441112233' } }, 'e164'],
    ['an x- header', { headers: { 'x-e164': '+380441112233' } }, 'e164'],
    ['a header as a client spells it', { headers: { E164: '+380441112233' } }, 'e164'],
    ['a camel-case name as a header', { headers: { insertiontype: 'callback' } }, 'insertion'],
    ['a camel-case x- header', { headers: { 'x-insertiontype': 'callback' } }, 'insertion'],
    ['the query, as written', { query: 'E164=%2B380441112233' }, 'e164'],
    ['the query, in another case', { query: 'e164=%2B380441112233' }, 'default'],
    ['a JSON body, in another case', { body: '{"insertiontype":"callback"}' }, 'default'],
    [
      'a header under a query value (the query wins)',
      { query: 'E164=380500000000', headers: { e164: '+380441112233' } },
      'default',
    ],
    [
      'a header under a body value (the body wins)',
      { body: '{"insertionType":"static"}', headers: { 'x-insertiontype': 'callback' } },
      'default',
    ],
  ])('reads %s and answers rule %s', (_, parts, rule) => {
    expect(handle(event(parts)).headers['x-route-rule']).toBe(rule);
  });
});

describe('readHeaders with header names', () => {
  const names = headerNames(['E164', 'caller', 'e164', 'insertionType']);

  it('maps each lower-case form to every name that has upper-case letters', () => {
    expect(names).toEqual(
      new Map([
        ['e164', ['E164']],
        ['insertiontype', ['insertionType']],
      ]),
    );
  });

  it('has nothing to map when every name is lower-case', () => {
    expect(headerNames(['caller', 'date', 'source'])).toBeNull();
  });

  it('fills the name as written and its lower-case form, the x- header winning', () => {
    const headers = { 'x-e164': 'prefixed', e164: 'bare', insertiontype: 'callback' };
    expect({ ...readHeaders(headers, names).params }).toEqual({
      e164: 'prefixed',
      E164: 'prefixed',
      insertiontype: 'callback',
      insertionType: 'callback',
    });
  });
});
