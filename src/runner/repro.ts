// A command that replays a failing request by hand: an AWS CLI line with --endpoint-url for SDK-channel
// cases against an endpoint, a curl line for raw HTTP cases.
import type { HttpCall } from '../targets/types.ts';

const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function cliCommand(operation: string, input: unknown, endpoint?: string): string {
  const json = JSON.stringify(input, (_k, v: unknown) => v);
  return (
    `aws backup ${kebab(operation)} --cli-input-json ${q(json)}` +
    `${endpoint ? ` --endpoint-url ${endpoint}` : ''}`
  );
}

export function curlCommand(call: HttpCall, endpoint: string): string {
  const headers = Object.entries(call.headers)
    .map(([k, v]) => ` -H ${q(`${k}: ${v}`)}`)
    .join('');
  return (
    `curl -i -X ${call.method} ${q(`${endpoint.replace(/\/$/, '')}${call.path}`)}${headers}` +
    `${call.body !== undefined ? ` --data-binary ${q(call.body)}` : ''}`
  );
}
