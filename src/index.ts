// The public API's root: the harness for code that calls AWS Backup — the reference mock, a client
// config pointing the SDK at it, the service behaviours it follows, the stub checker, and the model
// they all read. Other audiences have their own entry points (package.json `exports`):
//   /generators  fast-check arbitraries (generators/index.ts)
//   /runner      the conformance suite, its checks and reporters (src/entries/runner.ts)
//   /spec        the docs → model → JSON Schema / OpenAPI pipeline (src/entries/spec.ts)
//   /msw         msw handlers over the mock; msw is an optional peer (src/entries/msw.ts)
// Nothing here imports msw or a development dependency.
export { loadBackupModel } from './model/load.ts';
export type { ServiceModel, Operation, Shape, Member, ErrorShape } from './model/types.ts';
export {
  createMock,
  ManualClock,
  realClock,
  defaultCatalogue,
  type BackupMock,
  type MockOptions,
  type Clock,
  type RecoveryPoint,
  type CatalogueOptions,
  type FaultPlan,
  type Fault,
  type FaultKind,
  type LifecycleOptions,
} from './mock/index.ts';
export { directRequestHandler } from './mock/fast-path.ts';
export type { WireRequest } from './mock/http.ts';
export { mockClientConfig, type MockClientOptions } from './mock/client-config.ts';
export { serve, type RunningServer, type ServeOptions } from './mock/server.ts';
export { DEFAULT_LIMITS, DEFAULT_SERVER_LIMITS, type MockLimits, type ServerLimits } from './mock/limits.ts';
export { seedHistory, type HistoryOptions } from './mock/history.ts';
export {
  CatalogueError,
  parseCatalogue,
  readCatalogue,
  recoveryPointFrom,
  resourceTypeFromArn,
} from './mock/catalogue-file.ts';
export {
  BehaviourError,
  behaviourProblems,
  jobStatuses,
  retryableBySdk,
  type FailureKind,
  type FaultBurst,
  type ScriptedJob,
  type ServiceBehaviour,
} from './mock/behaviour.ts';
export { serviceBehaviour, BehaviourOptionError, type BehaviourOptions } from '../generators/behaviours.ts';
export {
  assertStubsConform,
  checkStubbedCalls,
  errorViolations,
  outputViolations,
  formatViolation,
  StubConformanceError,
  type StubViolation,
  type StubbedCall,
} from './stubs/check.ts';
