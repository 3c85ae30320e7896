// Mistakes in enum values, filters and timestamps.
import { editAnswers, editQuery, jobs, type Mutant } from './kit.ts';

type Job = Record<string, unknown>;
const eachJob = (f: (j: Job) => Job) =>
  [
    editAnswers('list', (b) => ({ ...b, RestoreJobs: jobs(b).map(f) })),
    editAnswers('describe', (b) => f(b)),
  ] as const;
const both = (f: (j: Job) => Job) => (inner: Parameters<Mutant['wrap']>[0]) => {
  const [l, d] = eachJob(f);
  return l(d(inner));
};

export const valueMutants: Mutant[] = [
  {
    id: 'lower-case-status',
    caughtBy: 'output-enums',
    description: 'Status in lower case ("running")',
    wrap: both((j) => ({ ...j, Status: String(j.Status).toLowerCase() })),
  },
  {
    id: 'status-done',
    caughtBy: 'output-enums',
    description: 'a status outside the documented set: DONE for COMPLETED',
    wrap: both((j) => (j.Status === 'COMPLETED' ? { ...j, Status: 'DONE' } : j)),
  },
  {
    id: 'bystatus-ignored',
    caughtBy: 'output-enums',
    description: 'the ByStatus filter is ignored',
    wrap: editQuery('list', (q) => q.delete('status')),
  },
  {
    id: 'created-before-inclusive',
    caughtBy: 'filters',
    description: 'ByCreatedBefore includes a job created at exactly that instant (<= for <)',
    wrap: editQuery('list', (q) => {
      const v = q.get('createdBefore');
      if (v) q.set('createdBefore', new Date(Date.parse(v) + 1).toISOString());
    }),
  },
  {
    id: 'completion-before-creation',
    caughtBy: 'lifecycle',
    description: 'CompletionDate computed from the wrong end: before CreationDate',
    wrap: both((j) =>
      typeof j.CompletionDate === 'number' ? { ...j, CompletionDate: Number(j.CreationDate) - 60 } : j,
    ),
  },
  {
    id: 'iso-timestamp-in-body',
    caughtBy: 'response-schema',
    description: 'a body timestamp as an ISO string instead of epoch seconds',
    wrap: both((j) => ({ ...j, CreationDate: new Date(Number(j.CreationDate) * 1000).toISOString() })),
  },
  {
    id: 'percentdone-number',
    caughtBy: 'response-schema',
    description: 'PercentDone as a number, not the documented string',
    wrap: both((j) => ({ ...j, PercentDone: Number.parseFloat(String(j.PercentDone)) })),
  },
];
