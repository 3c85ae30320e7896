// One line to point a user's own SDK client at the mock: `new BackupClient(mockClientConfig(mock))`.
import { ConfiguredRetryStrategy, DEFAULT_MAX_ATTEMPTS } from '@smithy/core/retry';
import { directRequestHandler } from './fast-path.ts';
import type { BackupMock } from './types.ts';

export interface MockClientOptions {
  region?: string;
  /** attempts per call, as the SDK's `maxAttempts` (default the SDK's own default, 3) */
  maxAttempts?: number;
  /** 'instant' (default): the SDK's standard retry decisions — which answers are retried, how many
   * times, the retry quota — without the waits between attempts, so a property runs in milliseconds;
   * 'sdk': the SDK's own backoff, real waits included */
  retryDelays?: 'instant' | 'sdk';
}

/** Client configuration for any AWS SDK v3 client of the mocked service: region, placeholder
 * credentials (nothing real is ever needed or read), the in-process request handler and the retries. */
export function mockClientConfig(mock: BackupMock, o: MockClientOptions = {}) {
  const attempts = o.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new RangeError(`mockClientConfig: maxAttempts must be a whole number ≥ 1, got ${o.maxAttempts}`);
  if (o.retryDelays !== undefined && o.retryDelays !== 'instant' && o.retryDelays !== 'sdk')
    throw new RangeError(
      `mockClientConfig: retryDelays must be 'instant' or 'sdk', got ${JSON.stringify(o.retryDelays)}`,
    );
  return {
    region: o.region ?? 'us-east-1',
    credentials: { accessKeyId: 'AKIAMOCKMOCKMOCKMOCK', secretAccessKey: 'not-a-secret' },
    requestHandler: directRequestHandler(mock),
    maxAttempts: attempts,
    ...(o.retryDelays === 'sdk' ? {} : { retryStrategy: new ConfiguredRetryStrategy(attempts, 0) }),
  };
}
