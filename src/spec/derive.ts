// The IO edge of spec derivation: read pages from a folder, load the SDK and overlay, build the model,
// emit the artifacts. Writes are all-or-nothing: every file goes to a temporary name first, then all
// are renamed into place, so a failure never leaves half a spec behind.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parsePage } from '../docs/page.ts';
import type { Page } from '../docs/types.ts';
import { buildModel, type BuildResult } from '../model/build.ts';
import { parseOverlay, OverlayError, type Overlay } from '../model/overlay.ts';
import { loadSdk } from '../model/sdk.ts';
import { driftMarkdown } from '../emit/drift-md.ts';
import { toJsonSchema } from '../emit/json-schema.ts';
import { writeAllOrNothing } from '../atomic-write.ts';

/** Files a docs folder holds beside its pages that are nobody's page: named, so never reported as losses. */
const NOT_A_PAGE = /^(readme|license|notice)(\.|$)|^\./i;

export interface ReadOptions {
  /** strict: the first part of a page that cannot be read aborts with its DocParseError; lenient (the
   * default): it becomes a recorded loss, and a file that is no reference page is reported by name */
  strict?: boolean;
}

/** Every file below `dir`, in a stable order, read as a page; provenance paths are relative to `base`.
 * Strict reading takes only `.rst`/`.txt` files (the project's own pages); lenient reading takes every
 * file, so that an HTML file or a binary dropped among the pages is reported rather than ignored. */
export function readPages(dir: string, base = dir, o: ReadOptions = {}): Page[] {
  const strict = o.strict ?? false;
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (NOT_A_PAGE.test(e.name)) continue;
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.isFile() && (!strict || /\.(rst|txt)$/.test(e.name))) files.push(join(d, e.name));
    }
  };
  walk(dir);
  return files.map((f) => parsePage(relative(base, f), readFileSync(f, 'utf8'), { strict }));
}

export function readOverlay(file: string): Overlay {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new OverlayError(file, '(file)', `readable JSON (${(e as Error).message})`);
  }
  return parseOverlay(file, doc);
}

export interface DeriveOptions extends ReadOptions {
  /** use the installed SDK package for the service when there is one (default true) */
  sdk?: boolean;
  /** an overlay file; for the project's own spec, spec/overlay/<service>.json */
  overlay?: string;
  base?: string;
  /** where `deriveJsonSchema` writes the drift list (losses included) as Markdown, with the schema */
  drift?: string;
}

export async function deriveModel(
  docsDir: string,
  o: DeriveOptions = {},
): Promise<BuildResult & { pages: Page[] }> {
  const pages = readPages(docsDir, o.base ?? docsDir, { strict: o.strict });
  const service = pages.find((p) => p.kind !== 'skipped') as Exclude<Page, { kind: 'skipped' }> | undefined;
  const sdk = o.sdk === false || !service ? undefined : await loadSdk(service.service);
  const overlay = o.overlay ? readOverlay(o.overlay) : undefined;
  return { ...buildModel({ pages, sdk, overlay, strict: o.strict }), pages };
}

/** `spec derive <docs-dir> --out <file.json>`: the JSON Schema form for any service's boto3 pages. */
export async function deriveJsonSchema(
  docsDir: string,
  out: string,
  o: DeriveOptions = {},
): Promise<BuildResult & { pages: Page[] }> {
  const result = await deriveModel(docsDir, o);
  for (const f of [out, o.drift]) if (f) mkdirSync(dirname(resolve(f)), { recursive: true });
  writeAllOrNothing({
    [resolve(out)]: `${JSON.stringify(toJsonSchema(result.model), null, 2)}\n`,
    ...(o.drift ? { [resolve(o.drift)]: driftMarkdown(result.model.service, result.drift, docsDir) } : {}),
  });
  return result;
}
