import { describe, expect, it } from 'vitest';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { GRAPH_MAX_RULES, mermaidGraph } from '../../src/review/graph.ts';
import { compileWebhook } from '../support/compile-webhook.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';
import { mermaidType } from '../support/mermaid.ts';

const examples = compileAll(EXAMPLE_ROUTES).webhooks;
const sales = examples.find((w) => w.name === 'sales')!;

const CATCH_ALL = `default:
  split:
    - { weight: 1, to: ["380441110000"] }
    - { weight: 2, schema: 26077 }
rules:
  - id: managers
    route: { table: lists/managers.csv }
  - id: odd
    when: { content: { contains: 'say "hi" #1 <b> & co' } }
    route: { schema: 111 }
  - id: everyone
    route: { schema: 222 }
`;

describe('mermaidGraph', () => {
  it('draws the rules in order with their conditions in words, their answers and the default', () => {
    expect(mermaidGraph(sales)).toBe(
      [
        'flowchart TD',
        '  hook(["call to /sales"])',
        '  hook --> r1',
        '  r1["blocked<br/>caller in list blocked"]',
        '  r1 -->|"yes"| r1a(["schema 111"])',
        '  r1 -->|"no"| r2',
        '  r2["vip<br/>caller in list vip"]',
        '  r2 -->|"yes"| r2a(["to 380441111199"])',
        '  r2 -->|"no"| r3',
        '  r3["personal-manager<br/>hours office"]',
        '  r3 -->|"yes, the caller has a row"| r3a(["the caller\'s row of lists/managers.csv"])',
        '  r3 -->|"no, or no row"| r4',
        '  r4["kyiv-office-hours<br/>caller starts with #quot;38044#quot;<br/>and hours office"]',
        '  r4 -->|"yes"| r4a(["to 380441111111,380441111112"])',
        '  r4 -->|"no"| r5',
        '  r5["google-ads<br/>source = #quot;google#quot;<br/>and medium one of #quot;cpc#quot;, #quot;ppc#quot;"]',
        '  r5 -->|"yes"| r5a(["to sip/ads@pbx.example.com"])',
        '  r5 -->|"no"| r6',
        '  r6["spring-split<br/>campaign = #quot;spring#quot;"]',
        '  r6 -->|"yes, 70% (weight 70)"| r6b1(["to 380441111111"])',
        '  r6 -->|"yes, 30% (weight 30)"| r6b2(["schema 26077"])',
        '  r6 -->|"no"| r7',
        '  r7["repeat-callers<br/>callnum #gt;= 3<br/>and hours office"]',
        '  r7 -->|"yes"| r7a(["to 380441111113"])',
        '  r7 -->|"no"| fallback',
        '  fallback(["default: schema 26076"])',
        '',
      ].join('\n'),
    );
  });

  it.each(examples.map((w) => [w.name, w] as const))(
    'draws the %s example as a flowchart Mermaid parses',
    async (_name, entry) => {
      expect(await mermaidType(mermaidGraph(entry))).toBe('flowchart-v2');
    },
  );

  it('stops at a rule no call gets past, writes Mermaid entities for quotes, #, & and <>, and splits the default', async () => {
    const entry = compileWebhook(CATCH_ALL, 'hotline', {
      'lists/managers.csv': 'caller,destination\n380661234567,380441111122\n',
    });
    const graph = mermaidGraph(entry);
    expect(graph).toBe(
      [
        'flowchart TD',
        '  hook(["call to /hotline"])',
        '  hook --> r1',
        '  r1["managers<br/>every call"]',
        '  r1 -->|"yes, the caller has a row"| r1a(["the caller\'s row of lists/managers.csv"])',
        '  r1 -->|"no row for the caller"| r2',
        '  r2["odd<br/>content contains #quot;say \\#quot;hi\\#quot; #35;1 #lt;b#gt; #amp; co#quot;"]',
        '  r2 -->|"yes"| r2a(["schema 111"])',
        '  r2 -->|"no"| r3',
        '  r3["everyone<br/>every call"]',
        '  r3 -->|"yes"| r3a(["schema 222"])',
        '  fallback(["default, split by caller:<br/>33.3%: to 380441110000<br/>66.7%: schema 26077"])',
        '',
      ].join('\n'),
    );
    expect(await mermaidType(graph)).toBe('flowchart-v2');
  });

  it(`draws the first ${GRAPH_MAX_RULES} rules and one node for the rest`, async () => {
    const rules = Array.from(
      { length: GRAPH_MAX_RULES + 20 },
      (_, i) => `  - { id: r${i}, when: { ivrnum: "${i}" }, route: { schema: ${i + 1} } }`,
    );
    const entry = compileWebhook(`default: { schema: 26076 }\nrules:\n${rules.join('\n')}\n`);
    const graph = mermaidGraph(entry);
    expect(graph.split('\n').slice(-5, -1)).toEqual([
      `  r${GRAPH_MAX_RULES} -->|"no"| more`,
      `  more["rules ${GRAPH_MAX_RULES + 1}-${GRAPH_MAX_RULES + 20}: 20 more, not drawn"]`,
      '  more --> fallback',
      '  fallback(["default: schema 26076"])',
    ]);
    expect(graph).not.toContain(`r${GRAPH_MAX_RULES + 1}[`);
    expect(await mermaidType(graph)).toBe('flowchart-v2');
  });
});
