// Answers as a target observed them, for the judge tests: a 200 with an output, an error by name.
import type { Observed } from '../../src/targets/types.ts';

export const ok = (output: Record<string, unknown> = {}): Observed => ({
  status: 200,
  headers: {},
  output,
  ms: 0,
});
export const err = (name: string, status = 400): Observed => ({
  status,
  headers: { 'x-amzn-errortype': name },
  body: JSON.stringify({ Code: name }),
  ms: 0,
});
