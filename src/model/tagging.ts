// How the service's tags work, as data (spec/overlay/tagging.json): which operation adds tags to a
// resource named by its ARN, which removes them by key, which lists them, and the members that carry
// each. The mock keeps tags from these facts; no operation or member name is written into it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldReader } from './overlay-fields.ts';
import { packageRoot } from './package-root.ts';

interface TagRole {
  operation: string;
  /** the input member that names the resource (its ARN) */
  resource: string;
  source: string;
  states: string;
}

export interface TaggingFacts {
  file: string;
  /** adds tags: `tags` is the input map member */
  tag: TagRole & { tags: string };
  /** removes tags: `keys` is the input list of tag keys */
  untag: TagRole & { keys: string };
  /** lists tags: `tags` is the output map member */
  list: TagRole & { tags: string };
}

/** Validates a parsed tagging overlay; every error names the file and the field. */
export function parseTaggingFacts(file: string, doc: unknown): TaggingFacts {
  const r = fieldReader(file);
  const root = r.rec(doc, '(root)');
  // each role: its operation, the member naming the resource, its page and sentence, and `key`, the
  // member that carries the tags (or their keys)
  const role = <K extends 'tags' | 'keys'>(name: keyof Omit<TaggingFacts, 'file'>, key: K) => {
    const x = r.rec(root[name], name);
    return {
      operation: r.str(x.operation, `${name}.operation`),
      resource: r.str(x.resource, `${name}.resource`),
      source: r.page(x.source, `${name}.source`),
      states: r.str(x.states, `${name}.states`),
      ...({ [key]: r.str(x[key], `${name}.${key}`) } as Record<K, string>),
    };
  };
  return { file, tag: role('tag', 'tags'), untag: role('untag', 'keys'), list: role('list', 'tags') };
}

const FILE = 'spec/overlay/tagging.json';
let cached: TaggingFacts | undefined;

/** The project's tagging overlay, read and validated once per process. */
export function taggingFacts(): TaggingFacts {
  cached ??= parseTaggingFacts(FILE, JSON.parse(readFileSync(join(packageRoot(), FILE), 'utf8')));
  return cached;
}
