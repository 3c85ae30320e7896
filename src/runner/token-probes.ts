// Tokens that must be refused: an empty one, a tampered one, and a real one sent with a filter it was
// not issued for. The mismatched filter is drawn over every filter member of the operation (each one
// tried first as an example), so that a failure shrinks to the member whose binding is missing.
import fc from 'fast-check';
import { valueFor } from '../../generators/values.ts';
import type { PagingRecord } from '../checks/pagination.ts';
import { clientError } from '../checks/types.ts';
import type { Operation } from '../model/types.ts';
import type { ScenarioContext } from './scenarios.ts';
import { send } from './send.ts';

/** The filter members of a listing: its inputs other than the token and the page size. */
export function filterMembers(list: Operation): string[] {
  const p = list.paginated!;
  return Object.values(list.input.members ?? {})
    .filter((m) => m.name !== p.inputToken && m.name !== p.limitKey && m.location !== 'path')
    .map((m) => m.name);
}

export async function tokenProbes(
  ctx: ScenarioContext,
  token: string | undefined,
  pageSize: number,
): Promise<PagingRecord['probes']> {
  const p = ctx.list.paginated!;
  const probes: PagingRecord['probes'] = [];
  const ask = (input: Record<string, unknown>) => send(ctx, ctx.list.name, { ...ctx.scope, ...input });
  probes.push({ kind: 'empty', observed: await ask({ [p.inputToken]: '' }) });
  const tampered = token
    ? `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
    : 'dGFtcGVyZWQtdG9rZW4=';
  probes.push({ kind: 'tampered', observed: await ask({ [p.inputToken]: tampered }) });
  if (!token) return probes;
  const members = filterMembers(ctx.list);
  if (!members.length) return probes;
  const limit = p.limitKey ? { [p.limitKey]: pageSize } : {};
  // a valid value for each filter: the token, issued for no filter, is the only thing wrong
  const probe = fc
    .constantFrom(...members)
    .chain((name) => valueFor(ctx.list.input.members![name]!.shape).map((value) => ({ name, value })));
  const failing = new Map<string, PagingRecord['probes'][number]>();
  const out = await fc.check(
    fc.asyncProperty(probe, async ({ name, value }) => {
      const observed = await ask({ [p.inputToken]: token, ...limit, [name]: value });
      const rec = { kind: 'filter-mismatched' as const, filter: name, observed };
      if (!clientError(observed)) failing.set(name, rec);
      else if (!probes.some((x) => x.filter === name)) probes.push(rec);
      return clientError(observed);
    }),
    {
      numRuns: members.length,
      seed: ctx.seed,
      examples: members.map((name) => [
        {
          name,
          value: fc.sample(valueFor(ctx.list.input.members![name]!.shape), { seed: ctx.seed, numRuns: 1 })[0],
        },
      ]),
    },
  );
  // the shrunk counterexample names the member; every member found failing is reported
  const named = out.counterexample?.[0]?.name;
  const order = [...failing.keys()].sort((a, b) => (a === named ? -1 : b === named ? 1 : a.localeCompare(b)));
  for (const name of order) probes.push(failing.get(name)!);
  return probes;
}
