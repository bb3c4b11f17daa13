// Seeded random edits of a random webhook (random-routes.ts), the kinds a routing pull request
// makes: a rule moved, removed, given another rule's route or conditions, the default changed.
// Every edit reuses names the webhook defines, so the edited webhook still compiles.
import type { RandomRoutes } from './random-routes.ts';
import { createRng } from './random-values.ts';

/** The webhook after one to three random edits, and what they were. */
export function randomEdit(
  routes: RandomRoutes,
  seed: number,
): { routes: RandomRoutes; edits: string[] } {
  const rng = createRng(seed);
  let rules = routes.rules.map((r) => ({ ...r, lines: [...r.lines] }));
  let head = [...routes.head];
  const edits: string[] = [];
  for (let n = 1 + rng.int(3); n > 0 && rules.length > 1; n--) {
    const i = rng.int(rules.length);
    const j = rng.int(rules.length);
    switch (rng.int(5)) {
      case 0: {
        const [moved] = rules.splice(i, 1);
        rules.splice(j, 0, moved!);
        edits.push(`move ${moved!.id} to ${j}`);
        break;
      }
      case 1:
        edits.push(`remove ${rules[i]!.id}`);
        rules = rules.filter((_, k) => k !== i);
        break;
      case 2:
        rules[i]!.lines = replace(rules[i]!.lines, rules[j]!.lines, 'route: ');
        edits.push(`route of ${rules[i]!.id} from ${rules[j]!.id}`);
        break;
      case 3:
        rules[i]!.lines = replace(rules[i]!.lines, rules[j]!.lines, 'when: ');
        edits.push(`conditions of ${rules[i]!.id} from ${rules[j]!.id}`);
        break;
      default: {
        const route = rules[j]!.lines.find((l) => l.startsWith('route: '));
        if (route && !route.includes('table')) {
          head = head.map((l) => (l.startsWith('default: ') ? `default: ${route.slice(7)}` : l));
          edits.push(`default from ${rules[j]!.id}`);
        }
      }
    }
  }
  return { routes: { ...routes, head, rules }, edits };
}

/** `lines` with its line starting with `key` replaced by the one in `from` (or dropped). */
function replace(lines: string[], from: string[], key: string): string[] {
  const theirs = from.find((l) => l.startsWith(key));
  const rest = lines.filter((l) => !l.startsWith(key));
  return theirs ? [theirs, ...rest] : rest;
}
