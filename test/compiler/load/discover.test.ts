import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverWebhooks } from '../../../src/compiler/load/discover.ts';
import { formatProblem } from '../../../src/compiler/problem.ts';

let root: string;
let routes: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'discover-'));
  routes = join(root, 'routes');
  mkdirSync(routes);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function touch(...names: string[]): void {
  for (const name of names) {
    mkdirSync(join(routes, name, '..'), { recursive: true });
    writeFileSync(join(routes, name), 'default: { schema: 1 }\n');
  }
}

function names(): string[] {
  return discoverWebhooks(routes).webhooks.map((w) => w.name);
}

describe('discoverWebhooks', () => {
  it('finds .yaml and .yml files, sorted, with their display path', () => {
    touch('support.yml', 'sales.yaml', 'b2b-2.yaml');
    expect(discoverWebhooks(routes)).toEqual({
      webhooks: [
        { name: 'b2b-2', path: join(routes, 'b2b-2.yaml'), file: `${routes}/b2b-2.yaml` },
        { name: 'sales', path: join(routes, 'sales.yaml'), file: `${routes}/sales.yaml` },
        { name: 'support', path: join(routes, 'support.yml'), file: `${routes}/support.yml` },
      ],
      problems: [],
    });
  });

  it('keeps a trailing slash of the routes dir out of the display path', () => {
    touch('sales.yaml');
    expect(discoverWebhooks(`${routes}/`).webhooks[0]!.file).toBe(`${routes}/sales.yaml`);
  });

  it.each([
    ['a file starting with _', '_draft.yaml'],
    ['a route test', 'sales.test.yaml'],
    ['a .yml route test', 'sales.test.yml'],
    ['a file under lists/', 'lists/vip.yaml'],
    ['a non-YAML file', 'README.md'],
    ['a list file', 'vip.txt'],
  ])('skips %s', (_what, name) => {
    touch('sales.yaml', name);
    expect(discoverWebhooks(routes)).toMatchObject({ problems: [] });
    expect(names()).toEqual(['sales']);
  });

  it('skips a directory whose name ends in .yaml', () => {
    mkdirSync(join(routes, 'old.yaml'));
    touch('sales.yaml');
    expect(names()).toEqual(['sales']);
  });

  it.each(['Sales', 'sales_eu', '-sales', 'sales.v2', 'продажі'])(
    'rejects the webhook name %s at 1:1 of the file',
    (name) => {
      touch(`${name}.yaml`, 'support.yaml');
      const found = discoverWebhooks(routes);
      expect(found.webhooks.map((w) => w.name)).toEqual(['support']);
      expect(found.problems.map(formatProblem)).toEqual([
        `${routes}/${name}.yaml:1:1: "${name}" is not a webhook name: use lower-case letters, digits and dashes, starting with a letter or digit (it is also the URL path)`,
      ]);
    },
  );

  it.each(['healthz.yaml', 'healthz.yml'])(
    'rejects %s: /healthz answers the build manifest',
    (name) => {
      touch(name, 'support.yaml');
      const found = discoverWebhooks(routes);
      expect(found.webhooks.map((w) => w.name)).toEqual(['support']);
      expect(found.problems.map(formatProblem)).toEqual([
        `${routes}/${name}:1:1: "healthz" is reserved: /healthz answers the build manifest, so this webhook could never answer a call (rename the file)`,
      ]);
    },
  );

  it('takes a symbolic link to a file inside routes/ as a webhook', () => {
    touch('lists/sales-2026.yaml');
    symlinkSync('lists/sales-2026.yaml', join(routes, 'sales.yaml'));
    expect(discoverWebhooks(routes)).toEqual({
      webhooks: [{ name: 'sales', path: join(routes, 'sales.yaml'), file: `${routes}/sales.yaml` }],
      problems: [],
    });
  });

  it.each([
    ['an absolute', () => join(root, 'outside.yaml')],
    ['a relative', () => '../outside.yaml'],
  ])('refuses, unread, %s symbolic link out of routes/', (_what, target) => {
    writeFileSync(join(root, 'outside.yaml'), 'default: { schema: 1 }\n');
    symlinkSync(target(), join(routes, 'sales.yaml'));
    touch('support.yaml');
    const found = discoverWebhooks(routes);
    expect(found.webhooks.map((w) => w.name)).toEqual(['support']);
    expect(found.problems.map(formatProblem)).toEqual([
      `${routes}/sales.yaml:1:1: the file is a symbolic link out of routes/ (not read: every file must be inside routes/)`,
    ]);
  });

  it('reports a dangling symbolic link and skips one to a directory', () => {
    symlinkSync('nowhere.yaml', join(routes, 'sales.yaml'));
    mkdirSync(join(routes, 'lists'));
    symlinkSync('lists', join(routes, 'old.yaml'));
    const found = discoverWebhooks(routes);
    expect(found.webhooks).toEqual([]);
    expect(found.problems.map(formatProblem)).toEqual([
      `${routes}/sales.yaml:1:1: the file is a symbolic link to nothing`,
    ]);
  });

  it('reports a webhook defined by both a .yaml and a .yml file at the second one', () => {
    touch('sales.yaml', 'sales.yml');
    const found = discoverWebhooks(routes);
    expect(found.webhooks.map((w) => w.file)).toEqual([`${routes}/sales.yaml`]);
    expect(found.problems.map(formatProblem)).toEqual([
      `${routes}/sales.yml:1:1: webhook "sales" is defined twice (also ${routes}/sales.yaml)`,
    ]);
  });

  it('reports a routes directory that does not exist', () => {
    const missing = join(root, 'nope');
    expect(discoverWebhooks(missing)).toEqual({
      webhooks: [],
      problems: [
        {
          file: missing,
          line: 1,
          col: 1,
          severity: 'error',
          message: `cannot read the routes directory "${missing}"`,
        },
      ],
    });
  });
});
