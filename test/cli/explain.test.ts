import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as explain } from '../../src/cli/explain.ts';
import { main } from '../../src/cli/main.ts';
import { runCli } from '../support/aws-cli.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';

// One rule per kind of reason explain gives for skipping it.
const HOTLINE = `# yaml-language-server: $schema=../schema/routes.schema.json
timezone: Europe/Kyiv
default: { to: ["380441110000"] }
hours:
  office: { mon-fri: "09:00-18:00" }
lists:
  blocked: ["380441112233"]
rules:
  - id: blocked
    when: { caller: { in: blocked } }
    route: { schema: 111 }
  - id: kyiv-office
    when: { caller: { prefix: "38044" }, hours: office }
    route: { to: ["380441111111"] }
  - id: ads
    when: { source: google, medium: [cpc, ppc] }
    route: { to: ["sip/ads@pbx.example.com"] }
  - id: repeat
    when: { callnum: { min: 3 } }
    route: { schema: 112 }
  - id: managers
    route: { table: lists/managers.csv }
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'explain-'));
  mkdirSync(join(dir, 'lists'));
  writeFileSync(join(dir, 'hotline.yaml'), HOTLINE);
  writeFileSync(
    join(dir, 'lists', 'managers.csv'),
    'caller,destination\n380661234567,380441111122\n',
  );
  writeFileSync(
    join(dir, 'broken.yaml'),
    'default: { schema: 1 }\nrules: [{ id: x, when: { a: { in: nope } }, route: { schema: 2 } }]\n',
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('routes explain', () => {
  it('shows the rule that answers a blocked caller on the example sales webhook', async () => {
    const argv = [
      'sales',
      'caller=380441112233',
      '--now',
      '2026-11-24T08:00:00Z',
      '--routes',
      EXAMPLE_ROUTES,
    ];
    expect(await runCli(explain, argv)).toEqual({
      code: 0,
      stdout: [
        'sales: schema 111 (rule "blocked")',
        'time: now, 2026-11-24T08:00:00.000Z (Europe/Kyiv)',
        '  matched blocked',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('shows why every rule was skipped when the default answers', async () => {
    const argv = [
      'hotline',
      'caller=+38 (044) 765-43-21',
      'date=2026-11-24 23:00:00',
      'source=google',
      'callnum=2',
      '--routes',
      dir,
    ];
    expect(await runCli(explain, argv)).toEqual({
      code: 0,
      stdout: [
        'hotline: to 380441110000 (default)',
        'time: date 2026-11-24 23:00:00 (Europe/Kyiv)',
        '  skipped blocked: caller in list blocked: no (caller is "380447654321")',
        '  skipped kyiv-office: hours office: no (outside those hours)',
        '  skipped ads: medium one of "cpc", "ppc": no (medium is absent)',
        '  skipped repeat: callnum >= 3: no (callnum is "2")',
        '  skipped managers: table lists/managers.csv: no row for caller "380447654321"',
        '  no rule matched: the default answers',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('names the earlier rules a later answer had to pass', async () => {
    const argv = ['hotline', 'caller=380661234567', 'date=2026-11-24 10:00:00', '--routes', dir];
    expect((await runCli(explain, argv)).stdout).toBe(
      [
        'hotline: to 380441111122 (rule "managers")',
        'time: date 2026-11-24 10:00:00 (Europe/Kyiv)',
        '  skipped blocked: caller in list blocked: no (caller is "380661234567")',
        '  skipped kyiv-office: caller starts with "38044": no (caller is "380661234567")',
        '  skipped ads: source = "google": no (source is absent)',
        '  skipped repeat: callnum >= 3: no (callnum is absent)',
        '  matched managers',
        '',
      ].join('\n'),
    );
  });

  it('fails for an unknown webhook, naming the usable ones', async () => {
    expect(await runCli(explain, ['nope', 'caller=1', '--routes', dir])).toEqual({
      code: 1,
      stdout: `${dir}/broken.yaml:2:35: rule "x": unknown list "nope" (no lists defined)\n`,
      stderr: 'explain: no usable webhook "nope" (webhooks: hotline)\n',
    });
  });

  it('fails for a webhook with errors, printing them', async () => {
    const out = await runCli(explain, ['broken', 'caller=1', '--routes', dir]);
    expect(out).toEqual({
      code: 1,
      stdout: `${dir}/broken.yaml:2:35: rule "x": unknown list "nope" (no lists defined)\n`,
      stderr: 'explain: no usable webhook "broken" (webhooks: hotline)\n',
    });
  });

  it.each([
    [
      ['explain'],
      'routes explain: usage: routes explain <webhook> key=value ... (e.g. caller=380441112233)\n',
    ],
    [['explain', 'sales', 'caller'], 'routes explain: expected key=value, got "caller"\n'],
    [
      ['explain', 'sales', '--now', 'noon'],
      'routes explain: --now must be an ISO 8601 instant, got "noon"\n',
    ],
  ])('exits 2 on the command line %j', async (argv, stderr) => {
    expect(await runCli(main, argv)).toEqual({ code: 2, stdout: '', stderr });
  });
});
