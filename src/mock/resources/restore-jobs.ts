// The restore-job family's own implementation, registered among the generic ones (registry.ts): its
// jobs have a lifecycle on the mock's clock, scripted statuses, idempotency, filtered listings and
// limits (JobStore, Lister). Its create, read and plain list are the store's; the family's other
// operations answer from the job they name, as the generic ones answer from an item.
import type { ResourceFamily } from '../../model/families.ts';
import type { Operation } from '../../model/types.ts';
import type { Lister, ListInput } from '../listing.ts';
import { MockError, type JobStore, type StartParams } from '../store.ts';
import { pageOf, stateless, type Env, type Impl, type Input, type Listed } from './generic.ts';
import { hash, outputFrom } from './output.ts';

export interface JobState {
  store: JobStore;
  lister: Lister;
}

const notFound = (op: Operation) => op.errors.find((e) => /NotFound/.test(e));

export function restoreJobs(env: Env, jobs: JobState, f: ResourceFamily): Record<string, Impl> {
  const op = (name: string) => env.model.operations[name]!;
  const id = f.identifier!;
  // the plain listing: the one that needs nothing but filters
  const plain = f.list.find((n) =>
    Object.values(op(n).input.members ?? {}).every((m) => !m.required && m.location !== 'path'),
  );
  const impls: Record<string, Impl> = {};
  const lookup = (o: Operation, input: Input) => {
    const job = jobs.store.get(input[id] as string);
    const name = notFound(o) ?? 'ResourceNotFoundException';
    if (!job) throw new MockError(name, `Restore job ${String(input[id])} was not found`, id);
    return job;
  };
  for (const name of f.create)
    impls[name] = (input) => ({ [id]: jobs.store.start(input as unknown as StartParams).id });
  for (const name of f.read)
    impls[name] = (input) => {
      const job = lookup(op(name), input);
      const view = jobs.store.view(job);
      jobs.store.observe(job);
      return view;
    };
  if (plain) impls[plain] = (input) => jobs.lister.list(input as ListInput);
  const seedOf = (jobId: string) => hash(jobId, env.seed);
  for (const name of [...f.list.filter((n) => n !== plain), ...f.update, ...f.delete, ...f.other]) {
    const o = op(name);
    if (f.list.includes(name)) {
      // another listing (by protected resource): the jobs whose view equals the input wherever both
      // name a member
      impls[name] = (input) => {
        const entries: Listed[] = [];
        for (const job of jobs.store.all()) {
          const view = jobs.store.view(job);
          const same = Object.entries(input).every(([k, v]) => !(k in view) || view[k] === v);
          if (same) entries.push({ seq: job.seq, view: { values: view }, seed: seedOf(job.id) });
        }
        return pageOf(env, o, input, entries);
      };
    } else if (Object.values(o.input.members ?? {}).some((m) => m.name === id)) {
      impls[name] = (input) => {
        const job = lookup(o, input);
        const values = { ...jobs.store.view(job), Metadata: { ...job.metadata } };
        const place = { region: env.region, account: env.account, now: env.clock.now() };
        return outputFrom(o, { values }, place, seedOf(job.id));
      };
    } else impls[name] = stateless(env, o);
  }
  return impls;
}
