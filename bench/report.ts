// The bench's output: one Markdown table (stdout and bench/README.md) and bench/results.json.

import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { ScaleModel } from './scale-model.ts';

/** How a row's numbers are shown. Values are stored in the unit's base: ns, ms, bytes, req/s. */
export type Unit = 'ns' | 'ms' | 'bytes' | 'req/s';

/** One figure of the table. */
export interface Row {
  figure: string;
  unit: Unit;
  median: number | null;
  p99: number | null;
  /** The baseline measured in the same run, already formatted (what it is and its value). */
  baseline: string;
  /** Our figure against the baseline, formatted (e.g. `14 500x faster`). */
  ratio: string;
  goal: string;
  /** null when the figure has no goal of its own or was not measured. */
  met: boolean | null;
  note?: string;
}

/** The machine the figures come from. */
export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  benchNode: string;
  platform: string;
}

/** Describes this machine; `node` is the Node that ran the measured code (the workers'). */
export function machine(workerNode: string): Machine {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    node: workerNode,
    benchNode: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** Formats a value of `unit` for the table. */
export function show(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  if (unit === 'ns') {
    if (value < 1000) return `${fixed(value)} ns`;
    return value < 1e6 ? `${fixed(value / 1000)} µs` : show(value / 1e6, 'ms');
  }
  if (unit === 'ms') {
    if (value < 1) return `${fixed(value * 1000)} µs`;
    return value < 1000 ? `${fixed(value)} ms` : `${fixed(value / 1000)} s`;
  }
  if (unit === 'bytes') {
    return value < 1024 * 1024 ? `${fixed(value / 1024)} KB` : `${fixed(value / 1024 / 1024)} MB`;
  }
  return `${Math.round(value).toLocaleString('en-US')} req/s`;
}

/** Three significant digits at most, no exponent. */
export function fixed(n: number): string {
  const a = Math.abs(n);
  return a >= 100 ? n.toFixed(0) : a >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** The Markdown table. */
export function markdown(rows: Row[], m: Machine, seconds: number, model: ScaleModel): string {
  const head = '| figure | median | p99 | baseline (same run) | ratio | goal | met |';
  const lines = [head, '|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const met = r.met === null ? '—' : r.met ? 'yes' : '**no**';
    const figure = r.note ? `${r.figure} (${r.note})` : r.figure;
    lines.push(
      `| ${figure} | ${show(r.median, r.unit)} | ${show(r.p99, r.unit)} | ${r.baseline} | ${r.ratio} | ${r.goal} | ${met} |`,
    );
  }
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  lines.push(
    '',
    `Scale guard model (src/compiler/scale-guard.ts): ${fixed(model.coldMsPerJsonMB)} ms of cold start per MB of table JSON, ${fixed(model.coldMsPerKeysMB)} ms per MB of key files (${model.from}).`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.platform}; measured code on Node ${m.node} (bench driver on ${m.benchNode}); ${when} UTC, ${Math.round(seconds)} s in all.`,
  );
  return lines.join('\n');
}

/** Writes results.json and replaces the table between the markers in README.md. */
export function writeResults(
  dir: string,
  rows: Row[],
  m: Machine,
  seconds: number,
  model: ScaleModel,
): void {
  const ranAt = new Date().toISOString();
  const json = { machine: m, ranAt, seconds: Math.round(seconds), rows, scaleGuardModel: model };
  writeFileSync(`${dir}/results.json`, `${JSON.stringify(json, null, 2)}\n`);
  const readme = `${dir}/README.md`;
  let text: string;
  try {
    text = readFileSync(readme, 'utf8');
  } catch {
    return;
  }
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return;
  const table = markdown(rows, m, seconds, model);
  writeFileSync(readme, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
}
