// msw is an optional peer dependency: only the msw adapters need it. Loading it through here turns a
// missing install into a message that says what to do, instead of Node's bare ERR_MODULE_NOT_FOUND.

export class MswMissingError extends Error {
  readonly code = 'E_MSW_MISSING';
}

export const MSW_MISSING =
  "aws-backup-conformance: the msw adapters need 'msw' (an optional peer dependency, version 2), " +
  'which is not installed: npm install --save-dev msw@2';

/** Whether an import failed because the package itself (not one of its own imports) is absent. */
export function isMissing(e: unknown, pkg: string): boolean {
  const err = e as { code?: string; message?: string };
  const missing = err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'MODULE_NOT_FOUND';
  return missing && new RegExp(`['"]${pkg.replace(/[/]/g, '\\/')}['"]`).test(err.message ?? '');
}

export async function loadMsw(): Promise<typeof import('msw')> {
  try {
    return await import('msw');
  } catch (e) {
    if (isMissing(e, 'msw')) throw new MswMissingError(MSW_MISSING, { cause: e });
    throw e;
  }
}
