// The mock's limits, each visible and settable, so that one mock can serve a shared CI runner for days:
// bounded request sizes, bounded state. AWS documents none of these for restore jobs (the API reference
// gives Metadata no key, value or size limit), so a request within them is never judged: a limit either
// answers like AWS's front end does for an oversized request, or forgets old jobs (never rejects a start).
export interface MockLimits {
  /** request body (413 RequestEntityTooLargeException above it) */
  maxBodyBytes: number;
  /** one path label, decoded (400 InvalidParameterValueException above it) */
  maxLabelBytes: number;
  /** the query string as sent (400 InvalidParameterValueException above it) */
  maxQueryBytes: number;
  /** jobs kept; above it the oldest terminal job is forgotten (see JobStore) */
  maxJobs: number;
  /** Metadata kept over all jobs (UTF-8 bytes of keys and values); above it, likewise */
  maxMetadataBytes: number;
}

export const DEFAULT_LIMITS: Readonly<MockLimits> = {
  maxBodyBytes: 1024 * 1024,
  maxLabelBytes: 1024,
  maxQueryBytes: 8192,
  maxJobs: 100_000,
  maxMetadataBytes: 64 * 1024 * 1024,
};

/** The limits with defaults filled in; a value that is not a whole number ≥ 1 is named. */
export function mockLimits(o: Partial<MockLimits> = {}): MockLimits {
  const out = { ...DEFAULT_LIMITS, ...o };
  for (const [k, v] of Object.entries(out)) {
    if (Number.isInteger(v) && v >= 1) continue;
    throw new RangeError(`limits.${k} must be a whole number ≥ 1, got ${v}`);
  }
  return out;
}

export interface ServerLimits {
  /** a whole request — headers and body — must arrive within this (408 RequestTimeoutException);
   * a connection that sends nothing is closed after it too */
  requestTimeoutMs: number;
  /** an idle keep-alive connection is closed after this */
  keepAliveTimeoutMs: number;
  /** request line and headers together (431 above it) */
  maxHeaderBytes: number;
}

export const DEFAULT_SERVER_LIMITS: Readonly<ServerLimits> = {
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
};
