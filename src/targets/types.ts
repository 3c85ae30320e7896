// What every target returns: the answer as seen on the wire and, for SDK calls, what the SDK made of it.
export interface Observed {
  /** HTTP status, when an answer arrived */
  status?: number;
  headers: Record<string, string>;
  body?: string;
  /** the SDK's deserialised output, on success */
  output?: Record<string, unknown>;
  /** the SDK's exception, on error */
  error?: { name: string; fault?: string; status?: number; message: string; modelled: boolean };
  /** no usable answer: the connection was reset, it timed out, or the bytes were not HTTP/JSON */
  failure?: 'timeout' | 'reset' | 'garbage' | 'network';
  failureDetail?: string;
  ms: number;
}

export interface HttpCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Target {
  name: string;
  /** an endpoint URL for reproduction commands, when there is one */
  endpoint?: string;
  /** whether requests that could create or change resources may be sent */
  mutationsAllowed: boolean;
  /** whether raw HTTP requests (the http channel) can be sent */
  rawHttp: boolean;
  /** before judging: whether the target can be used at all (credentials, region, the caller's
   * account). A problem says what failed and what to set; nothing is judged then. */
  preflight?(): Promise<{ account?: string; problem?: string }>;
  sendSdk(operation: string, input: Record<string, unknown>): Promise<Observed>;
  sendHttp(call: HttpCall): Promise<Observed>;
  close(): Promise<void>;
}
