// The public API, listed explicitly.
export { parsePage } from './docs/page.ts';
export type { DocMember, DocShape, DocType, OperationPage, Page, PageForm, PageLoss, PaginatorPage, SkippedPage, SourceRef } from './docs/types.ts';
export { DocParseError } from './docs/types.ts';
export { buildModel, ModelError, type BuildInput, type BuildResult } from './model/build.ts';
export { applyOverlay, parseOverlay, OverlayError, type Overlay, type OverlayFact } from './model/overlay.ts';
export { loadSdk, sdkFromModule, sdkPackageFor, type SdkOperation, type SdkService } from './model/sdk.ts';
export type { Constraints, DriftItem, ErrorShape, HttpBinding, Location, Member, Operation, Pagination, Provenance, ServiceModel, Shape, ShapeType } from './model/types.ts';
export { toJsonSchema } from './emit/json-schema.ts';
export { toOpenApi } from './emit/openapi.ts';
export { driftMarkdown } from './emit/drift-md.ts';
// resource families (issue 17)
export { deriveFamilies, type Families, type FamilyCorrection, type ResourceFamily } from './model/families.ts';
export { familyCoverage, type FamilyCoverage } from './model/family-coverage.ts';
export { resourcesMarkdown } from './emit/resources-md.ts';
export type { ResourceFact, Role, UriFact } from './model/overlay-resources.ts';
export type { OpenApiOptions } from './emit/openapi.ts';
export { deriveJsonSchema, deriveModel, readPages, type DeriveOptions } from './spec/derive.ts';
export { buildProjectSpec, renderProjectSpec, staleArtifacts } from './spec/project.ts';
export { loadBackupModel } from './model/load.ts';
export { validatorFor, expectedErrorFor, type Validator, type Violation } from './model/validate.ts';
export { encodeRequest, decodeRequest, matchPath, type HttpRequestSpec, type WireProblem } from './wire/request.ts';
export { toJson, fromJson } from './wire/values.ts';
export * from '../generators/index.ts';
export { createMock, ManualClock, realClock, defaultCatalogue, type BackupMock, type MockOptions, type Clock, type RecoveryPoint, type FaultPlan, type Fault, type LifecycleOptions } from './mock/index.ts';
export { mockHandlers, type HandlerOptions } from './mock/handlers.ts';
export { directRequestHandler, mockRequestHandler } from './mock/fast-path.ts';
export type { WireRequest } from './mock/http.ts';
export { mockClientConfig, type MockClientOptions } from './mock/client-config.ts';
export { BehaviourError, behaviourProblems, jobStatuses, retryableBySdk, type FailureKind, type FaultBurst, type ScriptedJob, type ServiceBehaviour } from './mock/behaviour.ts';
export { assertStubsConform, checkStubbedCalls, errorViolations, outputViolations, formatViolation, StubConformanceError, type StubViolation, type StubbedCall } from './stubs/check.ts';
export { serve, type RunningServer, type ServeOptions } from './mock/server.ts';
export { DEFAULT_LIMITS, DEFAULT_SERVER_LIMITS, type MockLimits, type ServerLimits } from './mock/limits.ts';
// issue 16: expectations with provenance, service behaviour facts, the mock's history and catalogue files
export { EXPECTATIONS, expectationFor, type Expectation, type ExpectationProvenance } from './model/validate.ts';
export { parseServiceFacts, serviceFacts, type ServiceFacts, type ResourceFacts, type FilterFact } from './model/service-facts.ts';
export { seedHistory, type HistoryOptions } from './mock/history.ts';
export { CatalogueError, parseCatalogue, readCatalogue, recoveryPointFrom, resourceTypeFromArn } from './mock/catalogue-file.ts';
