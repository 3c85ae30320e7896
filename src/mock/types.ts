// The mock's shared types, in a module of their own so that every part of the mock can name them
// without importing index.ts (which imports those parts: a cycle).
import type { ServiceModel } from '../model/types.ts';
import type { WireResponse } from '../wire/response.ts';
import type { WireRequest } from '../wire/sdk-adapters.ts';
import type { Clock } from './clock.ts';
import type { FaultInjector } from './faults.ts';
import type { MockLimits } from './limits.ts';
import type { Lister } from './listing.ts';
import type { Resources } from './resources/registry.ts';
import type { ResourceStore } from './resources/store.ts';
import type { JobStore } from './store.ts';

export type { WireRequest } from '../wire/sdk-adapters.ts';

/** What the resolver and the operations' implementations work on. */
export interface MockContext {
  model: ServiceModel;
  store: JobStore;
  lister: Lister;
  faults: FaultInjector;
  limits?: MockLimits;
  /** every operation's implementation, by family (resources/registry.ts) */
  resources: Resources;
}

export interface BackupMock {
  readonly model: ServiceModel;
  readonly store: JobStore;
  readonly clock: Clock;
  readonly faults: FaultInjector;
  readonly limits: MockLimits;
  /** the items of every stateful family but restore jobs (those are `store`'s) */
  readonly resources: ResourceStore;
  /** which families keep state and which operations answer from the request alone */
  readonly coverage: { stateful: string[]; stateless: string[]; tagging: string[] };
  /** Fetch in, Fetch out: the resolver's face for msw handlers and the standalone server */
  fetch(request: Request): Promise<Response>;
  /** the resolver itself: a request as read, the answer on the wire (undefined: the connection dropped) */
  answer(request: WireRequest): Promise<WireResponse | undefined>;
  /** every job as DescribeRestoreJob would show it now (without counting as an observation), oldest first */
  jobs(): Record<string, unknown>[];
}
