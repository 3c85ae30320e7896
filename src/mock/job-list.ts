// Jobs in start order (ascending seq), as the store's main sequence and as each index's bucket. A
// forgotten job is flagged and skipped, and compacted away once the dead outnumber the living, so
// removal costs O(1) amortised; lookups by seq or creation time are binary searches.
export interface Listed {
  seq: number;
  createdAt: number;
  /** set when the store forgets the job */
  gone?: boolean;
}

export class JobList<J extends Listed> {
  private items: J[] = [];
  private dead = 0;
  /** no living job before this index: the oldest are forgotten first, so the front is skipped once */
  private head = 0;

  get live(): number {
    return this.items.length - this.dead;
  }

  push(j: J): void {
    this.items.push(j);
  }

  /** the job was flagged gone: count it, and compact when most of the list is dead */
  removed(): void {
    if (++this.dead > 64 && this.dead > this.items.length / 2) {
      this.items = this.items.filter((j) => !j.gone);
      this.dead = 0;
      this.head = 0;
    }
  }

  /** the oldest living job */
  first(): J | undefined {
    while (this.head < this.items.length && this.items[this.head]!.gone) this.head++;
    return this.items[this.head];
  }

  /** living jobs, oldest first */
  *ascending(): Generator<J> {
    this.first();
    for (let i = this.head; i < this.items.length; i++) if (!this.items[i]!.gone) yield this.items[i]!;
  }

  /** living jobs with minSeq ≤ seq < belowSeq, newest first */
  *descending(belowSeq: number, minSeq = 1): Generator<J> {
    for (let i = this.firstAbove((j) => j.seq >= belowSeq) - 1; i >= 0; i--) {
      const j = this.items[i]!;
      if (j.seq < minSeq) return;
      if (!j.gone) yield j;
    }
  }

  /** the seq of the first job (living or not) created after t (at or after t when `inclusive`), or
   * Infinity: with creation times non-decreasing in seq, those jobs are exactly the ones from that seq on */
  seqCreatedAfter(t: number, inclusive = false): number {
    const i = this.firstAbove(inclusive ? (j) => j.createdAt >= t : (j) => j.createdAt > t);
    return i < this.items.length ? this.items[i]!.seq : Infinity;
  }

  /** index of the first item for which `past` holds (`past` is monotone along the list) */
  private firstAbove(past: (j: J) => boolean): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (past(this.items[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
