/**
 * The org's fault rules, owned by the org like its journal: the control API
 * (`/__okta-mock/faults`), the MSW handle's `org.faults` and `startServer()`'s
 * `faults` are this one object. One app step (middleware/limits-and-faults.ts)
 * consults it for every request.
 */
import { checkFaultRule, findFaultRule, type FaultRule, type FaultRuleSpec } from './domain/fault-rule.js';
import type { ValidationCause } from './domain/validate-trusted-origin.js';

export type { FaultRule } from './domain/fault-rule.js';

/** A rule as given: `path` and one of `status`, `errorCode`, `delayMs`; `method` and `times` optional. */
export interface FaultRuleInput {
  method?: string;
  path: string;
  status?: number;
  errorCode?: string;
  delayMs?: number;
  times?: number;
}

/** A rule (or a list of rules) that fails the checks; nothing of it was added. */
export class FaultRuleError extends Error {
  override name = 'FaultRuleError';
  constructor(readonly problems: ValidationCause[]) {
    super(`bad fault rule: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  }
}

/** What the MSW handle and `startServer()` hand out: the rules, without the app's own steps. */
export type FaultRulesHandle = Pick<FaultRules, 'add' | 'list' | 'clear' | 'remove'>;

export class FaultRules {
  #rules: FaultRule[] = [];
  #nextId = 1;
  readonly #pendingDelays = new Set<() => void>();

  /** Checks and adds a rule (or, all or nothing, a list of rules); answers what was added, with ids. */
  add(rule: FaultRuleInput): FaultRule;
  add(rules: FaultRuleInput[]): FaultRule[];
  add(input: unknown): FaultRule | FaultRule[];
  add(input: unknown): FaultRule | FaultRule[] {
    const inputs = Array.isArray(input) ? input : [input];
    const specs: FaultRuleSpec[] = [];
    const problems: ValidationCause[] = [];
    inputs.forEach((one, i) => {
      const checked = checkFaultRule(one, Array.isArray(input) ? `[${i}].` : '');
      if ('rule' in checked) specs.push(checked.rule);
      else problems.push(...checked.problems);
    });
    if (Array.isArray(input) && input.length === 0) problems.push({ field: 'rules', message: 'the list holds no rule' });
    if (problems.length > 0) throw new FaultRuleError(problems);
    const added = specs.map((spec) => ({ id: `flt${this.#nextId++}`, ...spec }));
    this.#rules.push(...added);
    const copies = added.map((rule) => ({ ...rule }));
    return Array.isArray(input) ? copies : copies[0]!;
  }

  /** The rules in force, in the order they match, with the `times` each has left. */
  list(): FaultRule[] {
    return this.#rules.map((rule) => ({ ...rule }));
  }

  clear(): void {
    this.#rules = [];
  }

  /** Removes one rule; false when no rule has that id. */
  remove(id: string): boolean {
    const before = this.#rules.length;
    this.#rules = this.#rules.filter((rule) => rule.id !== id);
    return this.#rules.length < before;
  }

  /** The rule this request meets, counted down (and gone once its `times` are used up). */
  take(request: { method: string; path: string }): FaultRule | undefined {
    // Every request asks; without rules (nearly always) it costs one comparison.
    if (this.#rules.length === 0) return undefined;
    const rule = findFaultRule(this.#rules, request);
    if (!rule) return undefined;
    const applied = { ...rule };
    if (rule.times !== null) {
      rule.times -= 1;
      if (rule.times === 0) this.#rules = this.#rules.filter((r) => r !== rule);
    }
    return applied;
  }

  /** Waits `ms` without holding up other requests; `cutDelaysShort()` ends the wait early. */
  delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#pendingDelays.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#pendingDelays.add(done);
    });
  }

  /** Ends every pending delay now (a stopping server must not wait for them). */
  cutDelaysShort(): void {
    for (const done of [...this.#pendingDelays]) done();
  }
}
