// Tags kept per resource ARN, from the tagging facts (spec/overlay/tagging.json): the tag operation merges
// its map into the resource's tags, the untag operation removes keys, the list operation answers them;
// a create's own tags member (the map-typed input member named *Tags, as BackupVaultTags) tags what it
// created. Whether the ARN names a resource is the label guard's business (registry.ts): the documented
// not-found for an ARN the mock never showed.
import type { ResourceFamily } from '../../model/families.ts';
import type { Operation, ServiceModel } from '../../model/types.ts';
import { taggingFacts, type TaggingFacts } from '../../model/tagging.ts';
import type { Env, Impl } from './env.ts';

type Tags = Map<string, string>;

/** The tagging operations the model has (all three, or none: a partial set is not served as tags). */
export function taggingOperations(model: ServiceModel, facts: TaggingFacts = taggingFacts()): string[] {
  const ops = [facts.tag.operation, facts.untag.operation, facts.list.operation];
  return ops.every((o) => model.operations[o]) ? ops : [];
}

export interface Tagging {
  impls: Record<string, Impl>;
  /** a create in `f` that also tags the ARN it answers with its own tags member (as is, without one) */
  taggedCreate(f: ResourceFamily, op: Operation, create: Impl): Impl;
}

export function tagging(env: Env, facts: TaggingFacts = taggingFacts()): Tagging {
  const byArn = new Map<string, Tags>();
  const cap = env.store.maxItemsPerFamily * 4;
  const tagsOf = (arn: string): Tags => {
    let t = byArn.get(arn);
    if (!t) {
      byArn.set(arn, (t = new Map()));
      if (byArn.size > cap) byArn.delete(byArn.keys().next().value!);
    }
    return t;
  };
  const merge = (arn: unknown, tags: unknown) => {
    if (typeof arn !== 'string' || !tags || typeof tags !== 'object') return;
    const t = tagsOf(arn);
    for (const [k, v] of Object.entries(tags as Record<string, unknown>)) t.set(k, String(v));
  };
  if (!taggingOperations(env.model, facts).length) return { impls: {}, taggedCreate: (_f, _op, c) => c };
  const { tag, untag, list } = facts;
  const impls: Record<string, Impl> = {
    [tag.operation]: (input) => {
      merge(input[tag.resource], input[tag.tags]);
      return {};
    },
    [untag.operation]: (input) => {
      const t = byArn.get(String(input[untag.resource]));
      const keys = input[untag.keys];
      if (t && Array.isArray(keys)) for (const k of keys) t.delete(String(k));
      return {};
    },
    // one page: every tag of the resource (AWS allows 50 per resource), never a next token
    [list.operation]: (input) => ({
      [list.tags]: Object.fromEntries(byArn.get(String(input[list.resource])) ?? []),
    }),
  };
  return {
    impls,
    taggedCreate(f, op, create) {
      const member = Object.values(op.input.members ?? {}).find(
        (m) => m.shape.type === 'map' && /Tags$/.test(m.name),
      )?.name;
      if (!member) return create;
      const arnMember = (out: Record<string, unknown>) =>
        typeof out[`${f.name}Arn`] === 'string'
          ? `${f.name}Arn`
          : Object.keys(out).find((k) => /Arn$/.test(k) && typeof out[k] === 'string');
      return (input) => {
        const out = create(input);
        const k = input[member] === undefined ? undefined : arnMember(out);
        if (k) merge(out[k], input[member]);
        return out;
      };
    },
  };
}
