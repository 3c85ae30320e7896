// The checks, in an explicit list (nothing registers itself on import). Exchange checks judge one
// request and its answer; scenario checks (pagination, filters, idempotency, lifecycle, stateful)
// judge a recorded sequence and live beside them.
import { errorShape } from './error-shape.ts';
import { negativeRejection } from './negative-rejection.ts';
import { notAServerError } from './not-a-server-error.ts';
import { positiveAcceptance } from './positive-acceptance.ts';
import { responseSchema } from './response-schema.ts';
import { statusEnums } from './status-enums.ts';
import type { CheckId, ExchangeCheck } from './types.ts';

export const EXCHANGE_CHECKS: ExchangeCheck[] = [
  notAServerError,
  positiveAcceptance,
  negativeRejection,
  errorShape,
  responseSchema,
  statusEnums,
];

export const SCENARIO_CHECKS: { id: CheckId; description: string }[] = [
  {
    id: 'pagination',
    description:
      'Every page ≤ MaxResults; the pages together equal the unpaginated listing, in order, with no ' +
      'duplicate and no gap; the listing ends and its last page has no token; empty, tampered and ' +
      'filter-mismatched tokens are rejected.',
  },
  {
    id: 'filters',
    description:
      'Each By* filter returns exactly the matching subset of the full listing (Before/After strict).',
  },
  {
    id: 'idempotency',
    description:
      'A repeated IdempotencyToken with the same parameters answers the same job id and adds no job.',
  },
  {
    id: 'lifecycle',
    description:
      'A started job is listed and described with what it was started with; its status moves only ' +
      'forward along the documented states; CompletionDate ≥ CreationDate once terminal.',
  },
  {
    id: 'stateful',
    description:
      'Start / list / describe interleaved at random (fast-check commands) agree with a model of the ' +
      'jobs started.',
  },
  {
    id: 'history',
    description:
      'Every resource seen anywhere in the run (starts, listings, describes) is followed: its status ' +
      'moves only forward along the documented lifecycle, fields that cannot change never change, and ' +
      'jobs restoring the same recovery point agree on what comes from it ' +
      '(facts: spec/overlay/behaviour.json).',
  },
];

export const ALL_CHECKS: CheckId[] = [
  ...EXCHANGE_CHECKS.map((c) => c.id),
  ...SCENARIO_CHECKS.map((c) => c.id),
];

export type { CheckId, Exchange, ExchangeCheck, Finding } from './types.ts';
