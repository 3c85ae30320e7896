// The reference mock of AWS Backup — every operation of the model, resource families kept as state
// (resources/), restore jobs with their lifecycle — with a clock and faults, reachable three ways —
// msw handlers, an in-process request handler for the SDK (the fast path), and a local HTTP server.
import type { ServiceModel } from '../model/types.ts';
import { loadBackupModel } from '../model/load.ts';
import { defaultCatalogue, type CatalogueOptions, type RecoveryPoint } from './catalogue.ts';
import { realClock, type Clock } from './clock.ts';
import { follow, type ServiceBehaviour } from './behaviour.ts';
import { FaultInjector, type FaultPlan } from './faults.ts';
import { resolve, resolveWire } from './http.ts';
import type { BackupMock, MockContext } from './types.ts';
import { mockLimits, type MockLimits } from './limits.ts';
import { Lister } from './listing.ts';
import { resourcesFor } from './resources/registry.ts';
import { ResourceStore } from './resources/store.ts';
import { JobStore, type LifecycleOptions } from './store.ts';
import { TokenSealer } from './tokens.ts';

export interface MockOptions {
  model?: ServiceModel;
  clock?: Clock;
  /** the recovery points jobs can restore from; default: a seeded catalogue */
  recoveryPoints?: RecoveryPoint[];
  catalogue?: CatalogueOptions;
  lifecycle?: LifecycleOptions;
  faults?: FaultPlan;
  /** a service behaviour to follow (see generators' serviceBehaviour): seeds jobs with status scripts,
   * page sizes and a fault schedule */
  behaviour?: ServiceBehaviour;
  seed?: number;
  /** request sizes and how much state is kept (defaults: DEFAULT_LIMITS) */
  limits?: Partial<MockLimits>;
  /** where server-set ARNs say the resources live (default us-east-1, 123456789012) */
  region?: string;
  account?: string;
  /** items kept per resource family before the oldest is forgotten (default 10,000) */
  maxItemsPerFamily?: number;
}

export async function createMock(o: MockOptions = {}): Promise<BackupMock> {
  const model = o.model ?? (await loadBackupModel());
  const clock = o.clock ?? realClock;
  const limits = mockLimits(o.limits);
  const store = new JobStore(
    clock,
    o.recoveryPoints ?? defaultCatalogue(o.catalogue),
    o.lifecycle,
    o.seed ?? 1,
    limits,
  );
  const faults = new FaultInjector();
  if (o.faults) faults.set(o.faults);
  const lister = new Lister(store);
  const items = new ResourceStore(o.maxItemsPerFamily);
  const resources = resourcesFor(
    {
      model,
      store: items,
      tokens: new TokenSealer(),
      clock,
      seed: o.seed ?? 1,
      region: o.region ?? 'us-east-1',
      account: o.account ?? '123456789012',
    },
    { store, lister },
  );
  const ctx: MockContext = { model, store, lister, faults, limits, resources };
  if (o.behaviour) follow({ ...ctx, ...(o.faults ? { plan: o.faults } : {}) }, o.behaviour);
  return {
    model,
    store,
    clock,
    faults,
    limits,
    resources: items,
    coverage: { stateful: resources.stateful, stateless: resources.stateless, tagging: resources.tagging },
    fetch: (request) => resolve(ctx, request),
    answer: (request) => resolveWire(ctx, request),
    jobs: () => store.all().map((j) => store.view(j)),
  };
}

export type { BackupMock, MockContext, WireRequest } from './types.ts';
export { ManualClock, realClock, type Clock } from './clock.ts';
export { defaultCatalogue, type RecoveryPoint, type CatalogueOptions } from './catalogue.ts';
export type { FaultPlan, Fault, FaultKind } from './faults.ts';
export type { LifecycleOptions, Outcome } from './store.ts';
export { DEFAULT_LIMITS, DEFAULT_SERVER_LIMITS, type MockLimits, type ServerLimits } from './limits.ts';
