// The checks, in an explicit list (nothing registers itself on import). Exchange checks judge one
// request and its answer; scenario checks (pagination, filters, idempotency, lifecycle, stateful)
// judge a recorded sequence; both are values (id, description, judge) in the lists below, so that a new
// check is one file and one entry here.
import { errorShape } from './error-shape.ts';
import { negativeRejection } from './negative-rejection.ts';
import { notAServerError } from './not-a-server-error.ts';
import { positiveAcceptance } from './positive-acceptance.ts';
import { responseSchema } from './response-schema.ts';
import { statusEnums } from './status-enums.ts';
import { checkCrud, type CrudRecord } from './crud.ts';
import { checkFilter, type FilterRecord } from './filters.ts';
import { checkHistory } from './history.ts';
import { checkIdempotency, type IdempotencyRecord } from './idempotency.ts';
import { checkLifecycle, type LifecycleRecord } from './lifecycle.ts';
import { checkPagination, type PagingRecord } from './pagination.ts';
import { CHECK_ALIASES, type CheckId, type ExchangeCheck, type ScenarioCheck } from './types.ts';
import { checkUnknownResource, type UnknownResourceRecord } from './unknown-resource.ts';
import type { ResourceFacts } from '../model/service-facts.ts';
import type { Observation } from '../runner/observations.ts';

export const EXCHANGE_CHECKS: ExchangeCheck[] = [
  notAServerError,
  positiveAcceptance,
  negativeRejection,
  errorShape,
  responseSchema,
  statusEnums,
];

/** The stateful check's record: the fast-check command sequence that failed, if one did. */
export interface StatefulRecord {
  operation: string;
  failed?: { received: string };
}

/** The scenario checks by id, each typed by the record it judges. */
export const SCENARIO = {
  pagination: {
    id: 'pagination',
    description:
      'Every page ≤ MaxResults; the pages together equal the unpaginated listing, in order, with no ' +
      'duplicate and no gap; the listing ends and its last page has no token; empty, tampered and ' +
      'filter-mismatched tokens are rejected. Run on every paginated operation, after the run created ' +
      'items where the family can.',
    judge: checkPagination,
  } satisfies ScenarioCheck<PagingRecord>,
  filters: {
    id: 'filters',
    description:
      'Each By* filter returns exactly the matching subset of the full listing (Before/After strict).',
    judge: (r: FilterRecord) => checkFilter(r),
  } satisfies ScenarioCheck<FilterRecord>,
  idempotency: {
    id: 'idempotency',
    description:
      'A repeated IdempotencyToken with the same parameters answers the same job id and adds no job.',
    judge: checkIdempotency,
  } satisfies ScenarioCheck<IdempotencyRecord>,
  lifecycle: {
    id: 'lifecycle',
    description:
      'A started job is listed and described with what it was started with; its status moves only ' +
      'forward along the documented states; CompletionDate ≥ CreationDate once terminal.',
    judge: checkLifecycle,
  } satisfies ScenarioCheck<LifecycleRecord>,
  stateful: {
    id: 'stateful',
    description:
      'Start / list / describe interleaved at random (fast-check commands) agree with a model of the ' +
      'jobs started.',
    judge: (r: StatefulRecord) =>
      r.failed
        ? [
            {
              check: 'stateful',
              operation: r.operation,
              received: r.failed.received,
              documented: 'answers that agree with the jobs this run started',
            },
          ]
        : [],
  } satisfies ScenarioCheck<StatefulRecord>,
  history: {
    id: 'history',
    description:
      'Every resource seen anywhere in the run (starts, listings, describes) is followed: its status ' +
      'moves only forward along the documented lifecycle, fields that cannot change never change, and ' +
      'jobs restoring the same recovery point agree on what comes from it ' +
      '(facts: spec/overlay/behaviour.json).',
    judge: (r: { observations: Observation[]; resource: ResourceFacts }) =>
      checkHistory(r.observations, r.resource).findings,
  } satisfies ScenarioCheck<{ observations: Observation[]; resource: ResourceFacts }>,
  'unknown-resource': {
    id: 'unknown-resource',
    description:
      'A read, update or delete naming a well-formed identifier that does not exist answers the ' +
      'not-found exception the operation documents (ResourceNotFoundException); where it documents ' +
      'none, any well-formed client error passes and is noted.',
    judge: checkUnknownResource,
  } satisfies ScenarioCheck<UnknownResourceRecord>,
  crud: {
    id: 'crud',
    description:
      'What the run created is read and listed with the values it was created with; an update is seen ' +
      'by the next read; a deleted item is gone (read: the not-found exception; not listed).',
    judge: checkCrud,
  } satisfies ScenarioCheck<CrudRecord>,
} as const;

/** The scenario checks, in one list like the exchange checks. */
export const SCENARIO_CHECKS: ScenarioCheck<never>[] = Object.values(SCENARIO);

/** Every check, exchange and scenario alike, as values with an id and a description. */
export const CHECKS: { id: CheckId; description: string }[] = [...EXCHANGE_CHECKS, ...SCENARIO_CHECKS];

/** A check name as given (--checks): an alias (status-enums) resolves to the check it now is. */
export const resolveCheck = (name: string): CheckId | undefined =>
  CHECK_ALIASES[name as CheckId] ?? (CHECKS.some((c) => c.id === name) ? (name as CheckId) : undefined);

export const ALL_CHECKS: CheckId[] = [
  ...EXCHANGE_CHECKS.map((c) => c.id),
  ...SCENARIO_CHECKS.map((c) => c.id),
];

export type { CheckId, Exchange, ExchangeCheck, Finding, ScenarioCheck } from './types.ts';
