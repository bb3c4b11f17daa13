// The peer scenarios: two small webhooks written as YAML for our compiler, and the same rules as
// a flagd flag configuration (@openfeature/flagd-core) and as GrowthBook features
// (@growthbook/growthbook), with the calls every engine is timed on. Each engine answers a call
// with a string: the destination number, or DEFAULT when the call falls through.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Decision } from '../src/router/decide.ts';
import { type Call, sampleCall } from './calls.ts';
import { pad, rng } from './generate.ts';

/** The two scenarios: a rule with a 50/50 split, and the caller in a 10,000-number list. */
export type Scenario = 'split' | 'list';
export const SCENARIOS: readonly Scenario[] = ['split', 'list'];

/** The engines compared, ours first. */
export type Engine = 'decide' | 'flagd' | 'growthbook';
export const ENGINES: readonly Engine[] = ['decide', 'flagd', 'growthbook'];

/** Webhook (file) name of each scenario in the peer routes directory. */
export const PEER_WEBHOOK: Record<Scenario, string> = { split: 'peer-split', list: 'peer-list' };

/** Numbers in the list. */
export const PEER_LIST_SIZE = 10_000;
/** The campaign the split rule is on. */
export const CAMPAIGN = 'spring';
/** The split's two destinations, half of the callers each. */
export const SPLIT_TO = ['380441110001', '380441110002'] as const;
/** Where a listed caller goes. */
export const LIST_TO = '380441110003';
/** Every engine's answer for a call that no rule takes. */
export const DEFAULT = 'default';
/** Parameters each rule reads (for the figure with a context trimmed to them). */
export const RULE_FIELDS: Record<Scenario, readonly string[]> = {
  split: ['campaign', 'caller'],
  list: ['caller'],
};

/** The list: distinct valid Kyivstar numbers, numeric, so our compiler ships it as a key file. */
export function peerList(): string[] {
  const values: string[] = [];
  for (let i = 0; i < PEER_LIST_SIZE; i++) values.push(`38073${pad(1_000_000 + i * 97, 7)}`);
  return values;
}

/** Writes `peer-split.yaml`, `peer-list.yaml` and `lists/peer-numbers.txt` into `dir`. */
export function writePeerRoutes(dir: string, list = peerList()): void {
  mkdirSync(join(dir, 'lists'), { recursive: true });
  writeFileSync(join(dir, 'lists', 'peer-numbers.txt'), `${list.join('\n')}\n`);
  const head = [
    '# yaml-language-server: $schema=../schema/routes.schema.json',
    'timezone: Europe/Kyiv',
    'default: { schema: 26076 }',
  ];
  const split = [
    ...head,
    'description: peer bench, a 50/50 split on one campaign',
    'rules:',
    `  - id: ${CAMPAIGN}-split`,
    `    when: { campaign: ${CAMPAIGN} }`,
    '    route:',
    '      split:',
    ...SPLIT_TO.map((to) => `        - { weight: 50, to: ["${to}"] }`),
  ];
  const listed = [
    ...head,
    `description: peer bench, the caller in a ${PEER_LIST_SIZE}-number list`,
    'lists:',
    '  numbers: lists/peer-numbers.txt',
    'rules:',
    '  - id: listed',
    '    when: { caller: { in: numbers } }',
    `    route: { to: ["${LIST_TO}"] }`,
  ];
  writeFileSync(join(dir, `${PEER_WEBHOOK.split}.yaml`), `${split.join('\n')}\n`);
  writeFileSync(join(dir, `${PEER_WEBHOOK.list}.yaml`), `${listed.join('\n')}\n`);
}

/** Our answer as the peers give theirs: the destination, or DEFAULT when no rule answered. */
export function answerOf(decision: Decision): string {
  if (decision.rule === null) return DEFAULT;
  const t = decision.target;
  return t.kind === 'to' ? t.to : `schema:${t.schema}`;
}

/**
 * A flagd flag configuration with one string flag per scenario: targeting `if` + `fractional`
 * (bucketed on the caller) for the split, `in` over the list's array for the list. Targeting that
 * returns null falls back to the default variant.
 */
export function flagdConfig(list = peerList()): object {
  const variants = (pairs: Record<string, string>) => ({ ...pairs, default: DEFAULT });
  return {
    flags: {
      split: {
        state: 'ENABLED',
        defaultVariant: 'default',
        variants: variants({ a: SPLIT_TO[0], b: SPLIT_TO[1] }),
        targeting: {
          if: [
            { '==': [{ var: 'campaign' }, CAMPAIGN] },
            { fractional: [{ var: 'caller' }, ['a', 50], ['b', 50]] },
            null,
          ],
        },
      },
      list: {
        state: 'ENABLED',
        defaultVariant: 'default',
        variants: variants({ listed: LIST_TO }),
        targeting: { if: [{ in: [{ var: 'caller' }, list] }, 'listed', null] },
      },
    },
  };
}

/**
 * GrowthBook features, one per scenario: an experiment rule on the campaign condition, hashed on
 * the caller attribute (two variations, weights 0.5/0.5, full coverage) for the split; a force
 * rule with a `$in` condition for the list.
 */
export function growthbookFeatures(list = peerList()) {
  return {
    split: {
      defaultValue: DEFAULT,
      rules: [
        {
          condition: { campaign: CAMPAIGN },
          key: `${CAMPAIGN}-split`,
          hashAttribute: 'caller',
          hashVersion: 2,
          variations: [...SPLIT_TO],
          weights: [0.5, 0.5],
          coverage: 1,
        },
      ],
    },
    list: {
      defaultValue: DEFAULT,
      rules: [{ condition: { caller: { $in: list } }, force: LIST_TO }],
    },
  };
}

/**
 * `count` calls of a scenario: Ringostat's sample call with a random caller; half of them hit the
 * rule (split: the campaign is `spring`; list: the caller is a random list member), the other half
 * miss it (the sample's own campaign; a caller outside the list's number range).
 */
export function peerCalls(scenario: Scenario, count: number, seed: number, list = peerList()) {
  const random = rng(seed);
  const base = sampleCall();
  const calls: Call[] = [];
  for (let n = 0; n < count; n++) {
    const call: Call = { ...base };
    call.caller = `38068${pad(Math.floor(random(10_000_000)), 7)}`;
    const hit = random(2) < 1;
    if (scenario === 'split' && hit) call.campaign = CAMPAIGN;
    if (scenario === 'list' && hit) call.caller = list[Math.floor(random(list.length))]!;
    calls.push(call);
  }
  // Through JSON, as the handler gets them (flat strings), like bench/calls.ts.
  return JSON.parse(JSON.stringify(calls)) as Call[];
}

/** The call with only the parameters the scenario's rule reads. */
export function trimmed(scenario: Scenario, call: Call): Call {
  const out: Call = {};
  for (const field of RULE_FIELDS[scenario])
    if (call[field] !== undefined) out[field] = call[field];
  return out;
}

/** How one engine's answers compare with ours over the same calls. */
export interface Agreement {
  /** Calls each engine sent to a rule (not DEFAULT). */
  hits: number;
  /** Calls where one engine's rule held and the other's did not (the split: its branch aside). */
  disagree: number;
  /** Of the hits, how many took the split's first branch (0 for the list). */
  firstBranch: number;
}

/**
 * Compares an engine's answers with ours. A hit or miss of the rule must agree on every call; so
 * must the list's destination. A split's branch need not: each engine hashes the caller its own
 * way (ours FNV-1a, flagd murmur3, GrowthBook FNV-1a over seed + caller), so only the share that
 * takes the first branch is reported, and every hit must land on one of the two branches.
 */
export function agreement(scenario: Scenario, ours: string[], theirs: string[]): Agreement {
  let hits = 0;
  let disagree = 0;
  let firstBranch = 0;
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i]!;
    const b = theirs[i]!;
    if (b !== DEFAULT) hits++;
    if (scenario === 'split') {
      const ok = a === DEFAULT ? b === DEFAULT : SPLIT_TO.includes(b as (typeof SPLIT_TO)[number]);
      if (!ok) disagree++;
      if (b === SPLIT_TO[0]) firstBranch++;
    } else if (a !== b) disagree++;
  }
  return { hits, disagree, firstBranch };
}
