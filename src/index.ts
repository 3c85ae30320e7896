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
export { deriveJsonSchema, deriveModel, readPages, type DeriveOptions } from './spec/derive.ts';
export { buildProjectSpec, renderProjectSpec, staleArtifacts } from './spec/project.ts';
export { loadBackupModel } from './model/load.ts';
export { validatorFor, expectedErrorFor, type Validator, type Violation } from './model/validate.ts';
export { encodeRequest, decodeRequest, matchPath, type HttpRequestSpec, type WireProblem } from './wire/request.ts';
export { toJson, fromJson } from './wire/values.ts';
export * from '../generators/index.ts';
