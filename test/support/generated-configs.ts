// The broken-config corpus cases that cannot be committed: symbolic links (which a checkout may
// not keep) and files of hundreds of MiB (sparse here: the size is real, the blocks are not
// written). Each is built in a scratch directory as `<root>/routes`, beside `<root>/outside`,
// which holds the files the links point at; the expected lines name the routes dir as `{dir}`.
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS } from '../../src/compiler/load/limits.ts';

/** A generated case: how to build its routes dir, and the exact lines `check` prints. */
export interface GeneratedConfig {
  name: string;
  build(routes: string, outside: string): void;
  expected: string[];
}

const MODELINE = '# yaml-language-server: $schema=../schema/routes.schema.json';
const DEFAULT = 'default:\n  schema: 26076\n';
const LIST = `${MODELINE}\n${DEFAULT}lists:\n  vip: lists/vip.txt\nrules:\n  - id: vip\n    when: { caller: { in: vip } }\n    route: { schema: 111 }\n`;
const TABLE = `${MODELINE}\n${DEFAULT}rules:\n  - id: personal-manager\n    route: { table: lists/managers.csv }\n`;
const OUT = 'is a symbolic link out of routes/ (not read: every file must be inside routes/)';

/** Every generated case, in name order. */
export const GENERATED: readonly GeneratedConfig[] = [
  {
    name: 'huge-csv',
    build: (routes) => {
      writeFileSync(join(routes, 'sales.yaml'), TABLE);
      sparse(join(routes, 'lists', 'managers.csv'), LIMITS.dataFileBytes + 1);
    },
    expected: [
      `{dir}/sales.yaml:6:21: rule "personal-manager": {dir}/lists/managers.csv is 256.1 MiB, over the 256 MiB limit for a list or table file`,
    ],
  },
  {
    name: 'huge-list',
    build: (routes) => {
      writeFileSync(join(routes, 'sales.yaml'), LIST);
      sparse(join(routes, 'lists', 'vip.txt'), 4 * LIMITS.dataFileBytes);
    },
    expected: [
      '{dir}/sales.yaml:5:8: list "vip": {dir}/lists/vip.txt is 1024 MiB, over the 256 MiB limit for a list or table file',
    ],
  },
  {
    name: 'huge-yaml',
    build: (routes) => sparse(join(routes, 'sales.yaml'), LIMITS.yamlBytes + 1),
    expected: [
      '{dir}/sales.yaml:1:1: the file is 16.1 MiB, over the 16 MiB limit for a webhook file (keep long lists in list files)',
    ],
  },
  {
    name: 'list-too-many-lines',
    build: (routes) => {
      writeFileSync(join(routes, 'sales.yaml'), LIST);
      writeFileSync(
        join(routes, 'lists', 'vip.txt'),
        '380441112233\n'.repeat(LIMITS.dataLines + 1),
      );
    },
    expected: [
      '{dir}/lists/vip.txt:5000001:1: list "vip": more than 5,000,000 lines, over the limit for a list or table file',
    ],
  },
  {
    name: 'symlink-dangling-webhook',
    build: (routes) => symlinkSync('sales-2026.yaml', join(routes, 'sales.yaml')),
    expected: ['{dir}/sales.yaml:1:1: the file is a symbolic link to nothing'],
  },
  {
    name: 'symlink-list-out',
    build: (routes, outside) => {
      writeFileSync(join(routes, 'sales.yaml'), LIST);
      symlinkSync(join(outside, 'secret.txt'), join(routes, 'lists', 'vip.txt'));
    },
    expected: [`{dir}/sales.yaml:5:8: list "vip": "lists/vip.txt" ${OUT}`],
  },
  {
    name: 'symlink-lists-dir-out',
    build: (routes, outside) => {
      writeFileSync(join(routes, 'sales.yaml'), LIST);
      mkdirSync(join(outside, 'lists'));
      writeFileSync(join(outside, 'lists', 'vip.txt'), '380441112233\n');
      symlinkSync('../outside/lists', join(routes, 'lists'));
    },
    expected: [`{dir}/sales.yaml:5:8: list "vip": "lists/vip.txt" ${OUT}`],
  },
  {
    name: 'symlink-route-test-out',
    build: (routes, outside) => {
      writeFileSync(join(routes, 'sales.yaml'), `${MODELINE}\n${DEFAULT}`);
      symlinkSync(join(outside, 'secret.yaml'), join(routes, 'sales.test.yaml'));
    },
    expected: [`{dir}/sales.test.yaml:1:1: the file ${OUT}`],
  },
  {
    name: 'symlink-table-out',
    build: (routes) => {
      writeFileSync(join(routes, 'sales.yaml'), TABLE);
      symlinkSync('../../outside/secret.csv', join(routes, 'lists', 'managers.csv'));
    },
    expected: [`{dir}/sales.yaml:6:21: rule "personal-manager": "lists/managers.csv" ${OUT}`],
  },
  {
    name: 'symlink-webhook-out',
    build: (routes, outside) =>
      symlinkSync(join(outside, 'secret.yaml'), join(routes, 'sales.yaml')),
    expected: [`{dir}/sales.yaml:1:1: the file ${OUT}`],
  },
];

/** Builds `config` under `root` and returns its routes dir. */
export function buildGenerated(root: string, config: GeneratedConfig): string {
  const routes = join(root, 'routes');
  const outside = join(root, 'outside');
  mkdirSync(outside, { recursive: true });
  // What the links point at: valid files, so reading them would be visible as no error at all.
  writeFileSync(join(outside, 'secret.txt'), '380441112233\n');
  writeFileSync(join(outside, 'secret.csv'), 'caller,destination\n380441112233,380441111111\n');
  writeFileSync(join(outside, 'secret.yaml'), `${MODELINE}\n${DEFAULT}`);
  mkdirSync(join(routes), { recursive: true });
  if (!config.name.startsWith('symlink-lists-dir')) mkdirSync(join(routes, 'lists'));
  config.build(routes, outside);
  return routes;
}

function sparse(path: string, bytes: number): void {
  writeFileSync(path, '');
  truncateSync(path, bytes);
}
