// What an editor shows while a route test file is typed, from the real yaml-language-server
// reading schema/route-tests.schema.json.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RINGOSTAT_PARAMS } from '../support/ringostat-params.ts';
import { cursor, YamlLanguageServer } from '../support/yaml-lsp.ts';

const ROOT = process.cwd();
const FILE = join(ROOT, 'routes', 'editor-check.test.yaml');
const MODELINE = '# yaml-language-server: $schema=../schema/route-tests.schema.json';
const SOURCE = `Source: [route-tests.schema.json](${pathToFileURL(join(ROOT, 'schema/route-tests.schema.json')).href})`;

let server: YamlLanguageServer;

beforeAll(async () => {
  server = await YamlLanguageServer.start(ROOT);
});

afterAll(async () => {
  await server.stop();
});

function tests(...lines: string[]): string {
  return [MODELINE, 'cases:', ...lines, ''].join('\n');
}

describe('the route tests schema in yaml-language-server', () => {
  it('says what a parameter inside `call:` is', async () => {
    const { text, at } = cursor(
      tests('  - name: x', '    call: { c<|>allnum: "3" }', '    expect: { default: true }'),
    );
    await server.open(FILE, text);
    expect(await server.hover(FILE, at)).toBe(
      `#### RouteTests\n\nHow many calls this caller has made so far (1 on the first).\n\n${SOURCE}`,
    );
  });

  it("offers Ringostat's parameter names inside `call:`", async () => {
    const { text, at } = cursor(
      tests('  - name: x', '    call:', '      <|>', '    expect: { default: true }'),
    );
    await server.open(FILE, text);
    expect((await server.completion(FILE, at)).map((i) => i.label)).toEqual(RINGOSTAT_PARAMS);
  });

  it('names the unknown key of `expect`, not the keys it lacks', async () => {
    const text = tests(
      '  - name: x',
      '    call: { caller: "1" }',
      '    expect: { shema: 111, rule: x }',
    );
    expect(await server.open(FILE, text)).toMatchObject([
      {
        range: { start: { line: 4, character: 14 }, end: { line: 4, character: 19 } },
        message: 'Property shema is not allowed.',
      },
    ]);
  });

  it('flags an empty `expect` in its own words', async () => {
    // yaml-language-server words minProperties itself (it reads errorMessage for other keywords
    // only); `routes test` prints the schema's "expect takes at least one of: ...".
    const text = tests('  - name: x', '    call: { caller: "1" }', '    expect: {}');
    expect((await server.open(FILE, text)).map((d) => d.message)).toEqual([
      'Object has fewer properties than the required number of 1',
    ]);
  });

  it('completes a case as valid YAML: name, call and expect side by side', async () => {
    const { text, at } = cursor(tests('  - <|>'));
    await server.open(FILE, text);
    const snippet = (await server.completion(FILE, at)).find((i) => i.label === 'Case')!;
    expect(snippet.insertText).toBe('name: $1\n  call:\n    $2\n  expect:\n    $3');
    // An editor indents every inserted line after the first like the line it is typed on.
    const inserted = snippet.insertText!.replaceAll('\n', '\n  ').replace(/\$\d/g, '');
    expect(parse(text.replace('  - ', `  - ${inserted}`))).toEqual({
      cases: [{ name: null, call: null, expect: null }],
    });
  });
});
