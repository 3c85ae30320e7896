// The service model: the one normalised description of a service that every consumer walks
// (emitters, generators, the mock's validation, checks). Every fact says where it came from.
import type { DocType } from '../docs/types.ts';
import type { ResourceFact } from './overlay-resources.ts';

export type ShapeType = DocType;

/** Where a fact came from: a documentation page and line, the installed SDK package, or the
 * AWS API Reference (through the overlay). */
export type Provenance =
  | { source: 'docs'; file: string; line: number }
  | { source: 'sdk'; package: string }
  | { source: 'api-reference'; url: string; overlay: string };

export interface Constraints {
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** valid values the API Reference lists where no page shows them (e.g. a map's keys) */
  enum?: string[];
}

export interface Shape extends Constraints {
  type: ShapeType;
  enum?: string[];
  /** structure members, in documented order */
  members?: Record<string, Member>;
  member?: Shape;
  key?: Shape;
  value?: Shape;
  /** values a page lists in prose; informative, not a constraint */
  documentedValues?: string[];
  sensitive?: boolean;
  provenance: Provenance[];
}

export type Location = 'body' | 'query' | 'path' | 'header';

export interface Member {
  name: string;
  shape: Shape;
  required: boolean;
  location: Location;
  /** the wire name: query parameter, path label or header name; the member name in a body */
  locationName: string;
  idempotencyToken?: boolean;
  description?: string;
  provenance: Provenance[];
}

export interface Pagination {
  inputToken: string;
  outputToken: string;
  limitKey?: string;
  resultKey: string;
  provenance: Provenance[];
}

export interface HttpBinding {
  method: string;
  uri: string;
  code: number;
}

export interface Operation {
  name: string;
  /** the boto3 method name */
  method: string;
  description: string;
  /** absent when derived from docs alone (no SDK package for the service) */
  http?: HttpBinding;
  input: Shape;
  output: Shape;
  errors: string[];
  paginated?: Pagination;
  /** URIs other clients send where they differ from `http.uri` (botocore's trailing slashes); overlay */
  clientUris?: ClientUri[];
  provenance: Provenance[];
}

export interface ClientUri {
  client: string;
  uri: string;
  provenance: Provenance[];
}

export interface ErrorShape {
  name: string;
  fault: 'client' | 'server';
  httpStatus: number;
  shape: Shape;
  provenance: Provenance[];
}

export interface ServiceModel {
  service: string;
  /** the SDK package the bindings came from, if any */
  sdkPackage?: string;
  operations: Record<string, Operation>;
  errors: Record<string, ErrorShape>;
  /** the overlay's corrections to the derived resource families (src/model/families.ts reads them) */
  resourceFacts?: ResourceFact[];
}

/** One disagreement between sources, in words a user understands. */
export interface DriftItem {
  kind:
    | 'unread'
    | 'rendering-loss'
    | 'member-missing'
    | 'member-extra'
    | 'required'
    | 'type'
    | 'enum'
    | 'values'
    | 'errors'
    | 'binding';
  operation?: string;
  subject: string;
  detail: string;
  sources: string[];
}
