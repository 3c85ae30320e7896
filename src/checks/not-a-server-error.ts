// No 5xx, reset, hang or garbage unless a fault was asked for. A 3xx or 4xx that arrived whole is an
// answer below 500 even when its body is HTML the SDK cannot read (moto's 404 page): other checks judge it.
import { describeAnswer, type ExchangeCheck, unreadableClientError } from './types.ts';

export const notAServerError: ExchangeCheck = {
  id: 'not-a-server-error',
  description:
    'No 5xx answer, dropped connection, timeout or unreadable answer unless a fault was asked for.',
  applies: () => true,
  run(x) {
    if (x.faultRequested) return [];
    const o = x.observed;
    if ((o.failure && !unreadableClientError(o)) || (o.status !== undefined && o.status >= 500)) {
      return [
        {
          check: 'not-a-server-error',
          operation: x.operation,
          received: describeAnswer(o),
          documented: 'an answer below 500 (no fault was asked for)',
        },
      ];
    }
    return [];
  },
};
