// aws-backup-conformance/spec: the derivation pipeline — boto3 reference pages (any service) → page
// model → service model (+ the installed SDK's schema, + an overlay) → JSON Schema / OpenAPI / drift.
export { parsePage } from '../docs/page.ts';
export { DocParseError } from '../docs/types.ts';
export type {
  DocMember,
  DocShape,
  DocType,
  OperationPage,
  Page,
  PageForm,
  PageLoss,
  PaginatorPage,
  SkippedPage,
  SourceRef,
} from '../docs/types.ts';
export { buildModel, ModelError, type BuildInput, type BuildResult } from '../model/build.ts';
export {
  applyOverlay,
  parseOverlay,
  OverlayError,
  type Overlay,
  type OverlayFact,
} from '../model/overlay.ts';
export { loadSdk, sdkPackageFor, type SdkOperation, type SdkService } from '../model/sdk.ts';
export type {
  Constraints,
  DriftItem,
  ErrorShape,
  HttpBinding,
  Location,
  Member,
  Operation,
  Pagination,
  Provenance,
  ServiceModel,
  Shape,
  ShapeType,
} from '../model/types.ts';
export { deriveModel, deriveJsonSchema, readPages, readOverlay, type DeriveOptions } from '../spec/derive.ts';
export { toJsonSchema } from '../emit/json-schema.ts';
export { toOpenApi } from '../emit/openapi.ts';
export { driftMarkdown, driftSummary } from '../emit/drift-md.ts';
export { validatorFor, expectedErrorFor, type Validator, type Violation } from '../model/validate.ts';
export {
  EXPECTATIONS,
  expectationFor,
  type Expectation,
  type ExpectationProvenance,
} from '../model/validate.ts';
export {
  parseServiceFacts,
  serviceFacts,
  lifecycleOf,
  lifecycleForOperation,
  type ServiceFacts,
  type ResourceFacts,
  type FilterFact,
  type FilterMatch,
  type LifecycleFact,
} from '../model/service-facts.ts';
export {
  parseViolationFacts,
  violationFacts,
  type ViolationFacts,
  type ViolationKind,
} from '../model/violations.ts';
export { semanticsMarkdown, expectationCoverage } from '../emit/semantics-md.ts';
export {
  deriveFamilies,
  type Families,
  type FamilyCorrection,
  type ResourceFamily,
} from '../model/families.ts';
export { familyCoverage, type FamilyCoverage } from '../model/family-coverage.ts';
export { resourcesMarkdown } from '../emit/resources-md.ts';
export type { ResourceFact, Role, UriFact } from '../model/overlay-resources.ts';
export type { OpenApiOptions } from '../emit/openapi.ts';
