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
  const role = (name: 'tag' | 'untag' | 'list'): TagRole & { x: Record<string, unknown> } => {
    const x = r.rec(root[name], name);
    return {
      x,
      operation: r.str(x.operation, `${name}.operation`),
      resource: r.str(x.resource, `${name}.resource`),
      source: r.page(x.source, `${name}.source`),
      states: r.str(x.states, `${name}.states`),
    };
  };
  const member = (name: 'tag' | 'untag' | 'list', key: 'tags' | 'keys') => {
    const { x, ...rest } = role(name);
    return { ...rest, [key]: r.str(x[key], `${name}.${key}`) };
  };
  return {
    file,
    tag: member('tag', 'tags') as TaggingFacts['tag'],
    untag: member('untag', 'keys') as TaggingFacts['untag'],
    list: member('list', 'tags') as TaggingFacts['list'],
  };
}

const FILE = 'spec/overlay/tagging.json';
let cached: TaggingFacts | undefined;

/** The project's tagging overlay, read and validated once per process. */
export function taggingFacts(): TaggingFacts {
  cached ??= parseTaggingFacts(FILE, JSON.parse(readFileSync(join(packageRoot(), FILE), 'utf8')));
  return cached;
}
