// The IO edge of spec derivation: read pages from a folder, load the SDK and overlay, build the model,
// emit the artifacts. Writes are all-or-nothing: every file goes to a temporary name first, then all
// are renamed into place, so a failure never leaves half a spec behind.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parsePage } from '../docs/page.ts';
import type { Page } from '../docs/types.ts';
import { buildModel, type BuildResult } from '../model/build.ts';
import { parseOverlay, OverlayError, type Overlay } from '../model/overlay.ts';
import { loadSdk } from '../model/sdk.ts';
import { toJsonSchema } from '../emit/json-schema.ts';
import { writeAllOrNothing } from '../atomic-write.ts';

const PAGE_FILE = /\.(rst|txt)$/;

/** Every page file below `dir`, in a stable order; provenance paths are relative to `base`. */
export function readPages(dir: string, base = dir): Page[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (PAGE_FILE.test(e.name) && !/^readme/i.test(e.name)) files.push(join(d, e.name));
    }
  };
  walk(dir);
  return files.map((f) => parsePage(relative(base, f), readFileSync(f, 'utf8')));
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

export interface DeriveOptions {
  /** use the installed SDK package for the service when there is one (default true) */
  sdk?: boolean;
  /** an overlay file; for the project's own spec, spec/overlay/<service>.json */
  overlay?: string;
  base?: string;
}

export async function deriveModel(docsDir: string, o: DeriveOptions = {}): Promise<BuildResult & { pages: Page[] }> {
  const pages = readPages(docsDir, o.base ?? docsDir);
  const service = pages.find((p) => p.kind !== 'skipped') as Exclude<Page, { kind: 'skipped' }> | undefined;
  const sdk = o.sdk === false || !service ? undefined : await loadSdk(service.service);
  const overlay = o.overlay ? readOverlay(o.overlay) : undefined;
  return { ...buildModel({ pages, sdk, overlay }), pages };
}

/** `spec derive <docs-dir> --out <file.json>`: the JSON Schema form for any service's boto3 pages. */
export async function deriveJsonSchema(docsDir: string, out: string, o: DeriveOptions = {}): Promise<BuildResult> {
  const result = await deriveModel(docsDir, o);
  writeAllOrNothing({ [resolve(out)]: `${JSON.stringify(toJsonSchema(result.model), null, 2)}\n` });
  return result;
}

