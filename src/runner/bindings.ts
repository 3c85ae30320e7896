// Identifiers the run can put into requests: those of resources it created itself, and those it only
// found (listings, --recovery-point). A mutating request about a family's own items (an update, a
// delete, a policy put on a vault, a selection created in a plan) takes only what the run created;
// anything else may name what was found. Where none is known, the reason is kept for the verdict.
import fc from 'fast-check';
import { fits, ownName } from './naming.ts';
import type { OperationPlan } from './plan.ts';

export class Bindings {
  /** part of every name the run gives: two runs with one seed against one target do not collide */
  constructor(readonly runTag = (Date.now() % 36 ** 4).toString(36)) {}

  readonly created = new Map<string, string[]>();
  readonly found = new Map<string, string[]>();
  /** why no value of an identifier is known */
  readonly why = new Map<string, string>();
  private drawn = 0;

  add(kind: 'created' | 'found', member: string, value: unknown): void {
    if (typeof value !== 'string' || value === '') return;
    const m = kind === 'created' ? this.created : this.found;
    const vs = m.get(member) ?? [];
    if (!vs.includes(value)) m.set(member, [...vs, value]);
  }

  remove(member: string, value: string): void {
    for (const m of [this.created, this.found]) {
      const vs = (m.get(member) ?? []).filter((v) => v !== value);
      if (vs.length) m.set(member, vs);
      else m.delete(member);
    }
  }

  /** Values an operation may use for a member: only created ones for a family's own items in a
   * mutating request. */
  values(p: OperationPlan, member: string): string[] {
    const own = p.access === 'mutating' && !!p.family?.identifiers.includes(member);
    const shape = p.op.input.members?.[member]?.shape;
    // a value another operation answered need not fit this input's documented constraints (an output
    // member may carry none): only what fits is a valid request's
    return [...(this.created.get(member) ?? []), ...(own ? [] : (this.found.get(member) ?? []))].filter(
      (v) => !shape || fits(shape, v),
    );
  }

  /** A new name of the run's own for each case of a create (see members). */
  fresh(p: OperationPlan, seed: number): Record<string, () => unknown> {
    const id = p.role === 'create' ? p.family?.identifier : undefined;
    const shape = id ? p.op.input.members?.[id]?.shape : undefined;
    if (!id || !shape || !/Name$/.test(id) || !ownName(shape, seed, `${this.runTag}-c0`)) return {};
    return { [id]: () => ownName(shape, seed, `${this.runTag}-c${++this.drawn}`) };
  }

  /** Member arbitraries for the generators: every identifier with a usable value, except the one a
   * create names itself. */
  members(p: OperationPlan, identifiers: Set<string>, seed?: number): Record<string, fc.Arbitrary<unknown>> {
    const out: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, m] of Object.entries(p.op.input.members ?? {})) {
      if (!identifiers.has(name) && !p.needs.includes(name)) continue;
      // a create naming its parent by ARN: a member of the parent identifier's name names the new item
      if (p.role === 'create' && p.family?.parentArn && name !== p.family.identifier) continue;
      if (p.role === 'create' && name === p.family?.identifier) {
        // what a create names is named by the run, a new name each time (a repeated one would be a
        // conflict, not a valid request)
        const first =
          seed !== undefined && /Name$/.test(name) ? ownName(m.shape, seed, `${this.runTag}-c0`) : undefined;
        if (first !== undefined)
          out[name] = fc.constant(null).map(() => ownName(m.shape, seed!, `${this.runTag}-c${++this.drawn}`));
        continue;
      }
      const vs = this.values(p, name);
      if (vs.length) out[name] = fc.constantFrom(...vs);
    }
    return out;
  }

  /** The needed identifiers with no usable value, each with why. */
  missing(p: OperationPlan): { member: string; why: string }[] {
    return p.needs
      .filter((m) => !this.values(p, m).length)
      .map((member) => ({
        member,
        why:
          this.why.get(member) ??
          (p.access === 'mutating' && (this.found.get(member)?.length ?? 0) > 0
            ? 'the run changes only resources it created itself, and created none'
            : 'no operation of the run creates one and no listing showed one'),
      }));
  }
}
