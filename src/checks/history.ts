// Everything observed, followed: for every resource id seen anywhere in the run (starts, listings,
// describes), its status only moves forward along the documented lifecycle and an ended one stays
// ended; fields that cannot change never change between observations; and resources made from the
// same parent (jobs restoring one recovery point) agree on what comes from it. What is immutable,
// the lifecycle and the parent are data: spec/overlay/behaviour.json.
import type { ResourceFacts } from '../model/service-facts.ts';
import type { Observation } from '../runner/observations.ts';
import { order } from './lifecycle.ts';
import type { Finding } from './types.ts';

type Item = Record<string, unknown>;

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date
    ? a.getTime() === b.getTime()
    : JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

export interface HistoryVerdict {
  /** per operation: observations judged against an earlier one */
  cases: Record<string, number>;
  /** `caseNo`: how many of its operation's cases had been judged when it was found (1 = the first) */
  findings: (Finding & { caseNo: number })[];
}

export function checkHistory(observations: Observation[], resource: ResourceFacts): HistoryVerdict {
  const cases: Record<string, number> = {};
  const findings: HistoryVerdict['findings'] = [];
  const reported = new Set<string>();
  const f = (o: Observation, kind: string, received: string, documented: string) => {
    if (reported.has(`${o.id}\u0000${kind}`)) return; // the first contradiction per id and kind
    reported.add(`${o.id}\u0000${kind}`);
    findings.push({
      check: 'history',
      operation: o.operation,
      received,
      documented,
      caseNo: cases[o.operation] ?? 0,
    });
  };
  const life = resource.lifecycle;
  const rank = (s: string) => life.ranks[s];
  const state = new Map<
    string,
    { status?: string; statusAt?: Observation; fields: Map<string, { v: unknown; at: Observation }> }
  >();
  const parents = new Map<string, { o: Observation; fields: Item }>();
  for (const o of observations) {
    let s = state.get(o.id);
    if (s) cases[o.operation] = (cases[o.operation] ?? 0) + 1;
    else state.set(o.id, (s = { fields: new Map() }));
    const status = typeof o.fields[life.member] === 'string' ? (o.fields[life.member] as string) : undefined;
    // an undocumented status is status-enums' to report; the furthest status seen is the reference
    if (status !== undefined && rank(status) !== undefined) {
      const was = s.status;
      if (
        was !== undefined &&
        (rank(status)! < rank(was)! || (life.terminal.includes(was) && status !== was))
      ) {
        f(
          o,
          'status',
          `${o.id}: ${status} (${o.operation}) after ${was} (${s.statusAt!.operation})`,
          `a status moves only forward and an ended job stays ended (${order(life.ranks)}; ${life.source})`,
        );
      }
      if (was === undefined || rank(status)! > rank(was)!) Object.assign(s, { status, statusAt: o });
    }
    for (const m of resource.immutable.members) {
      const v = o.fields[m];
      if (v === undefined || v === null) continue;
      const had = s.fields.get(m);
      if (!had) s.fields.set(m, { v, at: o });
      else if (!same(had.v, v)) {
        f(
          o,
          m,
          `${o.id}: ${m} = ${show(v)} (${o.operation}) ` +
            `after ${show(had.v)} (${had.at.operation}${had.at.started ? ', as started' : ''})`,
          `${m} never changes (${resource.immutable.source})`,
        );
      }
    }
    const key = o.fields[resource.fromParent.key];
    if (typeof key === 'string' && !o.started) {
      const p = parents.get(key);
      if (!p) parents.set(key, { o, fields: o.fields });
      else if (p.o.id !== o.id) {
        cases[o.operation] = (cases[o.operation] ?? 0) + 1;
        for (const m of resource.fromParent.members) {
          if (p.fields[m] !== undefined && o.fields[m] !== undefined && !same(p.fields[m], o.fields[m])) {
            f(
              o,
              `parent ${m}`,
              `${o.id} and ${p.o.id} both restore ${key} but ${m} differs: ` +
                `${show(o.fields[m])} vs ${show(p.fields[m])}`,
              `jobs restoring the same ${resource.fromParent.key} agree on ${m} ` +
                `(${resource.fromParent.source})`,
            );
          }
        }
      }
    }
  }
  return { cases, findings };
}
