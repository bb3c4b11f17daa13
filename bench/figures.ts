// Turns the measurements into the table's rows: each figure, its baseline, the ratio and the goal.

import type { Stats } from './measure.ts';
import { type Engine, PEER_LIST_SIZE, RULE_FIELDS, SCENARIOS, type Scenario } from './peers.ts';
import { fixed, type Row, show } from './report.ts';
import type { ArtifactBytes } from './scale-model.ts';
import type { LoadFigures } from './server-load.ts';

/** Everything `run.ts` measured. Times in ns (Stats) or ms, memory in bytes. */
export interface Figures {
  decide: Map<number, { stats: Stats; matched: number }>;
  map: Stats;
  jre: Map<number, { stats: Stats; setupMs: number; disagree: number } | string>;
  /** decide, flagd-core and GrowthBook on the peer scenarios (bench/peers.ts). */
  peers: Record<Scenario, Record<Engine, PeerFigure>>;
  handler: { stats: Stats; rule: string };
  noLog: Stats;
  cold: { median: number; p99: number }[];
  memory: { rules: { total: number }; table: { total: number } };
  bundleBytes: number;
  server: { router: LoadFigures; bare: LoadFigures };
  build: { median: number; p99: number };
  /** Bytes of table JSON and key files in the two cold-start artifacts. */
  artifacts: { rules: ArtifactBytes; table: ArtifactBytes };
}

/** One engine on one peer scenario: its timing and how its answers compare with ours. */
export interface PeerFigure {
  stats: Stats;
  /** The same calls holding only the parameters the rules read (peers only). */
  trimmed: Stats | null;
  calls: number;
  hits: number;
  disagree: number;
  firstBranch: number;
}

/** The rows, in the order of docs/architecture.md "Performance goals". */
export function rowsOf(f: Figures): Row[] {
  const rows = decideRows(f);
  for (const [size, j] of f.jre) rows.push(jreRow(size, j, f.decide.get(size)!.stats));
  for (const scenario of SCENARIOS) rows.push(...peerRows(scenario, f.peers[scenario], f.map));
  const worst = Math.max(...[...f.decide.values()].map((d) => d.stats.median));
  rows.push({
    figure: 'Map#get, 1M-key Map (the floor)',
    unit: 'ns',
    median: f.map.median,
    p99: f.map.p99,
    baseline: `slowest decide ${show(worst, 'ns')}`,
    ratio: `decide ${fixed(worst / f.map.median)}x`,
    goal: 'decide ≤ 10x',
    met: worst <= 10 * f.map.median,
  });
  rows.push(...handlerRows(f), ...coldRows(f), ...serverRows(f.server));
  rows.push({
    figure: '`routes build`, 10k rules + 1M-row table',
    unit: 'ms',
    median: f.build.median,
    p99: f.build.p99,
    baseline: '—',
    ratio: '—',
    goal: '≤ 10 s',
    met: f.build.median <= 10_000,
    note: 'wall clock, 3 runs',
  });
  return rows;
}

function decideRows(f: Figures): Row[] {
  return [...f.decide].map(([size, d]) => ({
    figure: `decide, ${label(size)} rules`,
    unit: 'ns',
    median: d.stats.median,
    p99: d.stats.p99,
    baseline: `Map#get ${show(f.map.median, 'ns')}`,
    ratio: `${fixed(d.stats.median / f.map.median)}x Map#get`,
    goal: '≤ 1 µs',
    met: d.stats.median <= 1000,
    note: `${Math.round((d.matched / 4096) * 100)}% of calls match a rule`,
  }));
}

function jreRow(
  size: number,
  j: Figures['jre'] extends Map<number, infer V> ? V : never,
  ours: Stats,
): Row {
  const figure = `json-rules-engine, ${label(size)} rules`;
  const goal = size === 1000 ? 'ours ≥ 1000x faster' : '—';
  if (typeof j === 'string')
    return {
      figure,
      unit: 'ns',
      median: null,
      p99: null,
      baseline: '—',
      ratio: '—',
      goal,
      met: null,
      note: j,
    };
  const times = j.stats.median / ours.median;
  return {
    figure,
    unit: 'ns',
    median: j.stats.median,
    p99: j.stats.p99,
    baseline: `decide ${show(ours.median, 'ns')}`,
    ratio: `ours ${Math.round(times).toLocaleString('en-US')}x faster`,
    goal,
    met: size === 1000 ? times >= 1000 : null,
    note: `${j.stats.samples} calls${j.disagree > 0 ? `, ${j.disagree} answers differ` : ', same answers'}`,
  };
}

const PEER_FIGURE: Record<Scenario, string> = {
  split: '50/50 split rule on a campaign',
  list: `caller in a ${PEER_LIST_SIZE.toLocaleString('en-US')}-number list`,
};
const PEER_NAME = { flagd: 'flagd-core', growthbook: 'GrowthBook' } as const;
const PEER_HOW: Record<Scenario, Record<keyof typeof PEER_NAME, string>> = {
  split: { flagd: 'if + fractional on the caller', growthbook: 'experiment hashed on the caller' },
  list: { flagd: '`in`', growthbook: '`$in`' },
};

/** Ours, then each peer with ours as its baseline. */
export function peerRows(scenario: Scenario, p: Record<Engine, PeerFigure>, map: Stats): Row[] {
  const ours = p.decide;
  const share = (f: PeerFigure) =>
    scenario === 'split' && f.hits > 0
      ? `, ${Math.round((f.firstBranch / f.hits) * 100)}% of them to the first branch`
      : '';
  const rows: Row[] = [
    {
      figure: `decide, ${PEER_FIGURE[scenario]}`,
      unit: 'ns',
      median: ours.stats.median,
      p99: ours.stats.p99,
      baseline: `Map#get ${show(map.median, 'ns')}`,
      ratio: `${fixed(ours.stats.median / map.median)}x Map#get`,
      goal: '—',
      met: null,
      note: `${count(ours.hits)} of ${count(ours.calls)} calls hit the rule${share(ours)}`,
    },
  ];
  for (const engine of ['flagd', 'growthbook'] as const) {
    const f = p[engine];
    const times = f.stats.median / ours.stats.median;
    const agree = f.disagree > 0 ? `${f.disagree} differ from ours` : 'the same calls as ours';
    const small = f.trimmed
      ? `; context of ${RULE_FIELDS[scenario].join(' + ')} only: ${show(f.trimmed.median, 'ns')}`
      : '';
    rows.push({
      figure: `${PEER_NAME[engine]}, ${PEER_FIGURE[scenario]}`,
      unit: 'ns',
      median: f.stats.median,
      p99: f.stats.p99,
      baseline: `decide ${show(ours.stats.median, 'ns')}`,
      ratio:
        times >= 1 ? `ours ${timesText(times)}x faster` : `ours ${timesText(1 / times)}x slower`,
      goal: '—',
      met: null,
      note: `${PEER_HOW[scenario][engine]}; ${count(f.hits)} of ${count(f.calls)} calls hit the rule, ${agree}${share(f)}${small}`,
    });
  }
  return rows;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function timesText(times: number): string {
  return times >= 100 ? Math.round(times).toLocaleString('en-US') : fixed(times);
}

function handlerRows(f: Figures): Row[] {
  return [
    {
      figure: 'whole handler, sample call, real log line to a discarding sink',
      unit: 'ns',
      median: f.handler.stats.median,
      p99: f.handler.stats.p99,
      baseline: `no-op logger ${show(f.noLog.median, 'ns')}`,
      ratio: `log line ${show(f.handler.stats.median - f.noLog.median, 'ns')}`,
      goal: '≤ 5 µs',
      met: f.handler.stats.median <= 5000,
      note: `10k rules, answered by ${f.handler.rule}`,
    },
    {
      figure: 'whole handler, sample call, no-op logger',
      unit: 'ns',
      median: f.noLog.median,
      p99: f.noLog.p99,
      baseline: '—',
      ratio: '—',
      goal: '≤ 5 µs',
      met: f.noLog.median <= 5000,
    },
  ];
}

function coldRows(f: Figures): Row[] {
  const [rules, table] = f.cold as [Figures['cold'][0], Figures['cold'][0]];
  const over = 'over empty handler';
  return [
    {
      figure: 'cold start, 10k rules',
      unit: 'ms',
      ...rules,
      baseline: over,
      ratio: '—',
      goal: '≤ 20 ms',
      met: rules.median <= 20,
    },
    {
      figure: 'cold start, 10k rules + 1M-row table',
      unit: 'ms',
      ...table,
      baseline: over,
      ratio: '—',
      goal: '≤ 60 ms',
      met: table.median <= 60,
    },
    {
      figure: 'memory of the 1M-row caller table',
      unit: 'bytes',
      median: f.memory.table.total - f.memory.rules.total,
      p99: null,
      baseline: `10k rules alone ${show(f.memory.rules.total, 'bytes')}`,
      ratio: '—',
      goal: '≤ 32 MB',
      met: f.memory.table.total - f.memory.rules.total <= 32 * 1024 * 1024,
      note: 'heap + typed arrays after GC',
    },
    {
      figure: 'handler bundle, minified',
      unit: 'bytes',
      median: f.bundleBytes,
      p99: null,
      baseline: '—',
      ratio: '—',
      goal: '≤ 50 KB',
      met: f.bundleBytes <= 50 * 1024,
    },
  ];
}

function serverRows(s: Figures['server']): Row[] {
  const rps = middle(s.router.rps);
  const bare = middle(s.bare.rps);
  const cpu = middle(s.router.cpuPerRequest);
  const bareCpu = middle(s.bare.cpuPerRequest);
  // autocannon reports latency in whole milliseconds: 0 means under one.
  const p99 = Math.max(...s.router.p99);
  const bareP99 = Math.max(...s.bare.p99);
  const ms = (v: number) => (v === 0 ? '< 1 ms' : show(v, 'ms'));
  return [
    {
      figure: 'local server, requests/s',
      unit: 'req/s',
      median: rps,
      p99: null,
      baseline: `bare node:http ${show(bare, 'req/s')}`,
      ratio: `${Math.round((rps / bare) * 100)}%`,
      goal: '≥ 80% of bare',
      met: rps >= 0.8 * bare,
      note: `autocannon, 10 connections; server CPU per request ${fixed(cpu)} µs vs bare ${fixed(bareCpu)} µs`,
    },
    {
      figure: 'local server, p99 latency',
      unit: 'ms',
      median: null,
      p99: p99 === 0 ? null : p99,
      baseline: `bare node:http ${ms(bareP99)}`,
      ratio: '—',
      goal: '≤ 5 ms',
      met: p99 <= 5,
      note: p99 === 0 ? 'under 1 ms' : undefined,
    },
  ];
}

function middle(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
}

function label(size: number): string {
  return size >= 1000 ? `${size / 1000}k` : String(size);
}
