// aws-backup-conformance/msw: the reference mock as msw handlers (for setupServer) and as an SDK request
// handler resolved by msw's getResponse. msw is an optional peer dependency: it is checked for first,
// so that a missing install reads as what to do rather than as Node's bare ERR_MODULE_NOT_FOUND (a
// static import would fail while linking, before any code here could run).
import { loadMsw } from '../mock/msw-peer.ts';

await loadMsw();
const handlers = await import('../mock/handlers.ts');

/** msw handlers for the mock's routes on `origin` (default: any): `setupServer(...mockHandlers(mock))`. */
export const mockHandlers = handlers.mockHandlers;
export type { HandlerOptions } from '../mock/handlers.ts';
export const mockRequestHandler = handlers.mockRequestHandler;
export { MswMissingError } from '../mock/msw-peer.ts';
