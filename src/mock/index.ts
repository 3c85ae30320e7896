// The reference mock of AWS Backup restore jobs: state, clock and faults, reachable three ways —
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
import { JobStore, type LifecycleOptions } from './store.ts';

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
  const ctx: MockContext = { model, store, lister: new Lister(store), faults, limits };
  if (o.behaviour) follow({ ...ctx, ...(o.faults ? { plan: o.faults } : {}) }, o.behaviour);
  return {
    model,
    store,
    clock,
    faults,
    limits,
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
