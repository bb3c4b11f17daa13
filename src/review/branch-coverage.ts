// Branch coverage of route tests: which outcomes inside a webhook some case reaches. A branch is
// a rule answering (each branch of a split on its own), each `hours` or `during` condition
// holding and not holding, and the default answering (each branch of a split default). It is
// read from `decide`'s trace: a rule that answered had every condition true; a rule skipped at
// condition i had the conditions before i true and i false, and the ones after i untried.
import { describeCondition } from '../router/conditions/registry.ts';
import type { Decision, Trace } from '../router/decide.ts';
import type { RuleData, TableData } from '../router/table-data.ts';
import type { SplitBranch } from '../router/types.ts';
import { type TableNames, tableNames, targetWords } from './words.ts';

/** One outcome and whether a case reached it. */
export interface Branch {
  name: string;
  reached: boolean;
}

/** A rule's branches: its answers (one, or one per split branch) and each time condition's two sides. */
interface RuleBranches {
  answers: Branch[];
  /** By condition index: [held, did not hold]; null for value conditions. */
  sides: ([Branch, Branch] | null)[];
}

/** The branches of one webhook, marked as cases are routed through `trace`. */
export class BranchCoverage {
  readonly branches: Branch[] = [];
  private readonly rules: RuleBranches[];
  private readonly fallback: Branch[];
  private skipped = 0;

  constructor(table: TableData) {
    const names = tableNames(table);
    this.rules = table.rules.map((rule) => this.ruleBranches(rule, names));
    this.fallback = this.answerBranches('the default', table.default);
  }

  /** A trace for one call; call `record` with its decision afterwards. */
  trace(): Trace {
    this.skipped = 0;
    return {
      begin: () => {},
      skipped: (index, failed) => {
        this.skipped++;
        this.held(index, failed < 0 ? Number.POSITIVE_INFINITY : failed);
      },
      split: (rule, _bucket, _total, branch) => {
        (rule < 0 ? this.fallback : this.rules[rule]!.answers)[branch]!.reached = true;
      },
    };
  }

  /** Marks the answer of a traced call: the rules it skipped were reported one by one, in order. */
  record(decision: Decision): void {
    const answers = decision.rule === null ? this.fallback : this.rules[this.skipped]!.answers;
    if (decision.rule !== null) this.held(this.skipped, Number.POSITIVE_INFINITY);
    // A split answer was marked by the trace; any other answer is the only one.
    if (answers.length === 1) answers[0]!.reached = true;
  }

  /** Rule `index` tried its conditions up to `failed` (exclusive) with success, and `failed` failed. */
  private held(index: number, failed: number): void {
    this.rules[index]!.sides.forEach((side, i) => {
      if (side && i < failed) side[0].reached = true;
      if (side && i === failed) side[1].reached = true;
    });
  }

  private ruleBranches(rule: RuleData, names: TableNames): RuleBranches {
    const answers = this.answerBranches(rule.id, rule.route);
    const sides = rule.conditions.map(({ condition }): [Branch, Branch] | null => {
      if (condition.op === 'hours') {
        const where = `hours ${names.scheduleNames[condition.schedule]}`;
        const [inside, outside] = [
          this.add(`${rule.id} inside ${where}`),
          this.add(`${rule.id} outside ${where}`),
        ];
        return condition.negate ? [outside, inside] : [inside, outside];
      }
      if (condition.op !== 'during') return null;
      const window = `the window ${describeCondition(condition, names)}`;
      return [this.add(`${rule.id} inside ${window}`), this.add(`${rule.id} outside ${window}`)];
    });
    return { answers, sides };
  }

  private answerBranches(name: string, route: RuleData['route'] | TableData['default']): Branch[] {
    if (route.kind !== 'split') return [this.add(name)];
    return route.branches.map((b: SplitBranch, i) =>
      this.add(`${name} branch ${i + 1} (${targetWords(b.target)})`),
    );
  }

  private add(name: string): Branch {
    const branch = { name, reached: false };
    this.branches.push(branch);
    return branch;
  }
}
