// Everything the run saw of each resource: every id in any answer (a start, a listing, a describe)
// with the fields it showed, in the order the answers came. The history check judges them.
import { resourceOf, type ServiceFacts } from '../model/service-facts.ts';
import type { Observed } from '../targets/types.ts';
import { isRecord } from '../wire/values.ts';

type Item = Record<string, unknown>;

export interface Observation {
  id: string;
  /** the operation whose answer showed it */
  operation: string;
  /** answer order within the run */
  seq: number;
  /** a start's answer names only the id: its fields are what the request asked for */
  started: boolean;
  fields: Item;
}

export class Observations {
  readonly all: Observation[] = [];
  private seq = 0;

  constructor(private readonly facts?: ServiceFacts) {}

  seen(operation: string, input: Item, o: Observed): void {
    const res = resourceOf(operation, this.facts);
    if (!res || !o.output) return;
    const seq = ++this.seq;
    const out = o.output;
    const push = (fields: Item, started: boolean) => {
      const id = fields[res.idMember];
      if (typeof id === 'string') this.all.push({ id, operation, seq, started, fields });
    };
    if (typeof out[res.idMember] === 'string') {
      // an answer that is the id alone (a start): the resource is what the request asked for
      const onlyId = Object.keys(out).every((k) => k === res.idMember);
      if (!onlyId) push(out, false);
      else
        push(
          {
            ...pick(input, [...res.immutable.members, res.fromParent.key]),
            [res.idMember]: out[res.idMember],
          },
          true,
        );
    }
    for (const v of Object.values(out))
      if (Array.isArray(v)) for (const item of v) if (isRecord(item)) push(item, false);
  }

  /** ids seen in any answer */
  ids(): Set<string> {
    return new Set(this.all.map((o) => o.id));
  }
}

const pick = (x: Item, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => x[k] !== undefined).map((k) => [k, x[k]]));
