// What the generic mock keeps of every stateful resource family: one item per identifier tuple (the
// parents' identifiers, then its own), in creation order, within a per-family cap (the oldest is
// forgotten first, as the job store forgets old jobs: AWS documents quotas, not a refusal we could copy).

export interface Item {
  family: string;
  /** the identifier values joined by KEY_SEP, parents' first */
  key: string;
  ids: Record<string, string>;
  /** what creates and updates sent, identifiers and idempotency tokens aside */
  attrs: Record<string, unknown>;
  seq: number;
  createdAt: number;
  updatedAt: number;
  version: string;
  /** the seed of the values generated for it, so every read shows the same ones */
  seed: number;
}

export const KEY_SEP = '\u0000';
export const DEFAULT_MAX_ITEMS = 10_000;

export class ResourceStore {
  private readonly families = new Map<string, Map<string, Item>>();
  private readonly tokens = new Map<string, { fingerprint: string; key: string }>();
  private seq = 0;
  /** identifiers and ARNs the mock has shown or stored, for families it keeps no items of: a label naming
   * one of these is found, any other is not (capped like the items, oldest forgotten first) */
  private readonly knownValues = new Set<string>();

  constructor(readonly maxItemsPerFamily = DEFAULT_MAX_ITEMS) {}

  private of(family: string): Map<string, Item> {
    let m = this.families.get(family);
    if (!m) this.families.set(family, (m = new Map()));
    return m;
  }

  get(family: string, key: string): Item | undefined {
    return this.families.get(family)?.get(key);
  }

  nextSeq(): number {
    return ++this.seq;
  }

  /** Stores the item (replacing one with its key), forgetting the family's oldest above the cap. */
  put(item: Item): void {
    const m = this.of(item.family);
    m.set(item.key, item);
    while (m.size > this.maxItemsPerFamily) m.delete(m.keys().next().value!);
  }

  delete(family: string, key: string): boolean {
    return this.families.get(family)?.delete(key) ?? false;
  }

  /** Removes a parent's children from `family`: the items whose key extends the parent's, and a
   * singleton's settings, whose key is the parent's own. */
  deleteUnder(family: string, parentKey: string): void {
    const m = this.families.get(family);
    if (!m) return;
    for (const k of [...m.keys()]) if (k === parentKey || k.startsWith(parentKey + KEY_SEP)) m.delete(k);
  }

  /** The family's items in creation order. */
  items(family: string): IterableIterator<Item> {
    return this.of(family).values();
  }

  size(family: string): number {
    return this.families.get(family)?.size ?? 0;
  }

  know(value: string): void {
    if (this.knownValues.has(value)) return;
    this.knownValues.add(value);
    if (this.knownValues.size > this.maxItemsPerFamily * 4)
      this.knownValues.delete(this.knownValues.values().next().value!);
  }

  known(value: string): boolean {
    return this.knownValues.has(value);
  }

  /** Whether some item of the family has this value for the identifier. */
  hasId(family: string, id: string, value: string): boolean {
    const m = this.families.get(family);
    if (!m) return false;
    if (m.has(value)) return true; // a top-level family's key is its identifier
    for (const it of m.values()) if (it.ids[id] === value) return true;
    return false;
  }

  /** The item an idempotency token created, if its parameters match (`fingerprint`). */
  byToken(family: string, token: string, fingerprint: string): string | undefined {
    const t = this.tokens.get(family + KEY_SEP + token);
    return t && t.fingerprint === fingerprint ? t.key : undefined;
  }

  remember(family: string, token: string, fingerprint: string, key: string): void {
    const k = family + KEY_SEP + token;
    this.tokens.delete(k);
    this.tokens.set(k, { fingerprint, key });
    while (this.tokens.size > this.maxItemsPerFamily) this.tokens.delete(this.tokens.keys().next().value!);
  }
}
