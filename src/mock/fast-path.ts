// The in-process request handler for an SDK client — no sockets, no patching of Node's http: it hands
// the SDK's request to the mock's resolver as it is (no Fetch objects in between: building and reading
// undici Requests and Responses cost more than the mock itself). The msw-resolved handler lives with the
// msw adapters (handlers.ts, reached only through the `/msw` entry), so this module never loads msw.
import { toWireRequest, wireToSdkResponse, type SdkHttpRequest } from '../wire/sdk-adapters.ts';
import type { BackupMock } from './types.ts';

// the adapters lived here before they moved to the wire code; kept importable from here
export {
  droppedConnection,
  toFetchRequest,
  toSdkResponse,
  toWireRequest,
  wireToSdkResponse,
  type SdkHttpRequest,
} from '../wire/sdk-adapters.ts';

/** The direct in-process handler: `new BackupClient({ requestHandler: directRequestHandler(mock) })`. */
export function directRequestHandler(mock: BackupMock) {
  return {
    async handle(request: SdkHttpRequest) {
      return wireToSdkResponse(await mock.answer(toWireRequest(request, mock.limits.maxBodyBytes)));
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
}
