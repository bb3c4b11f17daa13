// Resolve pass: every name a webhook uses gets its definition. Rule ids are unique; the
// timezone exists; each condition resolves its lists and schedules through its registry entry
// (unknown names are reported with the defined ones); caller tables get their positions in order
// of first use.
import type { InnerSpec, ResolveContext } from '../conditions/condition.ts';
import { compilerEntry } from '../conditions/registry.ts';
import type { RuleIR, TextAt, WebhookIR } from '../model/ir.ts';
import { error } from '../problem.ts';

/** Resolves the webhook's names in place; problems go to `ir.problems`. */
export function resolveNames(ir: WebhookIR): void {
  checkTimezone(ir);
  const seen = new Map<string, RuleIR>();
  const zone = { reported: false };
  for (const rule of ir.rules) {
    const what = `rule "${rule.id}"`;
    const first = seen.get(rule.id);
    if (first) {
      const at = `${first.loc.file}:${first.loc.line}:${first.loc.col}`;
      ir.problems.push(error(rule.loc, `duplicate rule id "${rule.id}" (first at ${at})`));
    } else seen.set(rule.id, rule);
    for (const c of rule.conditions) {
      const ctx = resolveContext(ir, what, c.param, zone);
      compilerEntry(c.kind).resolve(c.spec, ctx);
    }
    if (rule.route.kind === 'table') rule.route.table = tableIndex(ir, rule.route.path, what);
  }
}

function resolveContext(
  ir: WebhookIR,
  what: string,
  param: string,
  zone: { reported: boolean },
): ResolveContext {
  const ctx: ResolveContext = {
    what,
    param,
    list(name) {
      const index = ir.lists.findIndex((l) => l.name === name.text);
      if (index >= 0) {
        ir.lists[index]!.params.add(param);
        return index;
      }
      const known = ir.lists.map((l) => l.name);
      const hint = known.length > 0 ? `lists defined: ${known.join(', ')}` : 'no lists defined';
      ir.problems.push(error(name.loc, `${what}: unknown list "${name.text}" (${hint})`));
      return null;
    },
    schedule(name) {
      const index = ir.schedules.findIndex((s) => s.name === name.text);
      if (index < 0) {
        const known = ir.schedules.map((s) => s.name);
        const hint = known.length > 0 ? `hours defined: ${known.join(', ')}` : 'no hours defined';
        ir.problems.push(error(name.loc, `${what}: unknown hours "${name.text}" (${hint})`));
        return null;
      }
      ctx.needsTimezone(name.loc);
      return index;
    },
    needsTimezone(loc) {
      if (ir.timezone || zone.reported) return;
      zone.reported = true;
      const why = `uses ${param}, so the webhook needs a \`timezone\` (like Europe/Kyiv)`;
      ir.problems.push(error(loc, `${what}: ${why}`));
    },
    inner: (spec: InnerSpec) => compilerEntry(spec.kind).resolve(spec.spec, ctx),
  };
  return ctx;
}

function tableIndex(ir: WebhookIR, path: TextAt, what: string): number {
  const known = ir.tables.findIndex((t) => t.path.text === path.text);
  if (known >= 0) return known;
  return ir.tables.push({ path, what, keys: null, target: null, targets: [], file: null }) - 1;
}

function checkTimezone(ir: WebhookIR): void {
  const zone = ir.timezone;
  if (!zone) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone.text });
  } catch {
    ir.problems.push(
      error(zone.loc, `unknown timezone "${zone.text}" (an IANA name like Europe/Kyiv)`),
    );
  }
}
