// What an editor shows while a webhook file is typed, from the real yaml-language-server reading
// schema/routes.schema.json (through the modeline, and through .vscode/settings.json without it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RINGOSTAT_PARAMS } from '../support/ringostat-params.ts';
import { cursor, type Diagnostic, YamlLanguageServer } from '../support/yaml-lsp.ts';

const ROOT = process.cwd();
const FILE = join(ROOT, 'routes', 'editor-check.yaml');
const MODELINE = '# yaml-language-server: $schema=../schema/routes.schema.json';
const SOURCE = `Source: [routes.schema.json](${pathToFileURL(join(ROOT, 'schema/routes.schema.json')).href})`;
const settings = JSON.parse(readFileSync('.vscode/settings.json', 'utf8'));

let server: YamlLanguageServer;

beforeAll(async () => {
  server = await YamlLanguageServer.start(ROOT, { schemas: settings['yaml.schemas'] });
});

afterAll(async () => {
  await server.stop();
});

/** A webhook file: the modeline, then `lines`. */
function webhook(...lines: string[]): string {
  return [MODELINE, ...lines, ''].join('\n');
}

/** Diagnostics as `line:col-line:col message`, one-based like `routes check`. */
function located(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map(({ range: { start, end }, message }) => {
    const at = `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
    return `${at} ${message}`;
  });
}

/** The completion labels at the `<|>` of `marked`. */
async function completions(marked: string): Promise<string[]> {
  const { text, at } = cursor(marked);
  await server.open(FILE, text);
  return (await server.completion(FILE, at)).map((i) => i.label);
}

/** The hover text at the `<|>` of `marked`, without the trailing source link. */
async function hover(marked: string): Promise<string> {
  const { text, at } = cursor(marked);
  await server.open(FILE, text);
  const shown = await server.hover(FILE, at);
  expect(shown.endsWith(`\n\n${SOURCE}`)).toBe(true);
  return shown.slice(0, -`\n\n${SOURCE}`.length);
}

const OFFICE = ['timezone: Europe/Kyiv', 'default: { schema: 26076 }', 'hours:', '  office:'];

describe('the routes schema in yaml-language-server', () => {
  it('reports mistakes where they are written', async () => {
    const text = webhook(
      'default: { schema: 26076 }',
      'hours:',
      '  office: { mon-fri: "9:00-18:00" }',
      'rules:',
      '  - id: vip',
      '    route: { destination: ["380441111111"] }',
    );
    expect(located(await server.open(FILE, text))).toEqual([
      '4:22-4:34 must be a time range "HH:MM-HH:MM" (like "09:00-18:00")',
      '7:14-7:25 Property destination is not allowed.',
    ]);
  });

  it('leaves "exactly one form" of a route to the compiler (routes check reports it)', async () => {
    const text = webhook('default:', '  schema: 26076', '  to: ["380441111111"]');
    expect(await server.open(FILE, text)).toEqual([]);
  });

  it('offers the forms of a route under `route:`', async () => {
    const text = webhook(
      'default: { schema: 26076 }',
      'rules:',
      '  - id: vip',
      '    route:',
      '      <|>',
    );
    expect(await completions(text)).toEqual(['to', 'schema', 'split', 'table']);
  });

  it('offers the forms of the default under `default:`', async () => {
    expect(await completions(webhook('default:', '  <|>'))).toEqual(['to', 'schema', 'split']);
  });

  it("offers Ringostat's parameter names under `when:`, then the time conditions", async () => {
    const text = webhook(
      'default: { schema: 26076 }',
      'rules:',
      '  - id: vip',
      '    when:',
      '      <|>',
      '    route: { schema: 111 }',
    );
    expect(await completions(text)).toEqual([...RINGOSTAT_PARAMS, 'hours', 'during']);
  });

  it('offers day keys in a schedule', async () => {
    expect(await completions(webhook(...OFFICE, '    <|>'))).toEqual([
      ...['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'mon-fri', 'sat-sun', 'mon-sun'],
      'closed',
    ]);
  });

  it.each([
    [
      'hours: name',
      'hours: o<|>ffice',
      "#### Inside a schedule\n\nThe call's time is inside this schedule (a name under \\`hours:\\`).",
    ],
    [
      'hours: { not: name }',
      'h<|>ours: { not: office }',
      "#### Outside a schedule\n\nThe call's time is outside this schedule.",
    ],
  ])('says inside `when` what %s does', async (_form, when, text) => {
    const rule = [
      'rules:',
      '  - id: vip',
      '    when:',
      `      ${when}`,
      '    route: { schema: 111 }',
    ];
    const marked = webhook(...OFFICE, '    mon-fri: "09:00-18:00"', ...rule);
    expect(await hover(marked)).toBe(text);
  });

  it.each([
    ['a day of a schedule', webhook(...OFFICE, '    m<|>on-fri: "09:00-18:00"'), '#### TimeRange'],
    [
      'a route destination',
      webhook('default:', '  t<|>o: ["380441111111"]'),
      '#### Destination list',
    ],
    ['a list', webhook('default: { to: 1 }', 'lists:', '  v<|>ip: [a, b]'), '#### Inline list'],
    [
      'a prefix',
      webhook(
        'default: { to: 1 }',
        'rules:',
        '  - { id: a, when: { caller: { p<|>refix: "38044" } }, route: { to: 1 } }',
      ),
      '#### One value',
    ],
  ])('titles %s once', async (_what, marked, title) => {
    expect((await hover(marked)).split('\n')[0]).toBe(title);
  });

  it('validates a webhook file without the modeline through .vscode/settings.json', async () => {
    const text = 'default: { schema: 26076 }\nrules: [{ id: vip, route: { tos: 1 } }]\n';
    expect(located(await server.open(join(ROOT, 'routes', 'no-modeline.yaml'), text))).toEqual([
      '2:29-2:32 Property tos is not allowed.',
    ]);
  });

  it('leaves alone the files in routes/ that are not webhooks', async () => {
    expect(await server.open(join(ROOT, 'routes', '_draft.yaml'), 'anything: 1\n')).toEqual([]);
  });
});
