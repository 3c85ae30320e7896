// A history of past jobs, so that a fresh standalone mock has something to list, filter and page
// through: N jobs spread over every documented status, over every recovery point, and over the
// past weeks (oldest first). Seeded through the store's own API; the same seed gives the same jobs.
import type { ServiceModel } from '../model/types.ts';
import { jobStatuses } from './behaviour.ts';
import { seeded } from './random.ts';
import type { JobStore } from './store.ts';

export interface HistoryOptions {
  /** how far back the oldest job lies (ms); default 30 days */
  spanMs?: number;
  seed?: number;
}

const DAY = 86_400_000;

/** Seeds `count` past jobs: job i shows the i-th documented status in turn (so every status is there
 * once count ≥ the number of statuses), restores recovery point i (round robin), and was created at a
 * random moment of its slot in the span, the newest at least an hour ago. */
export function seedHistory(
  store: JobStore,
  model: ServiceModel,
  count: number,
  o: HistoryOptions = {},
): void {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`a history of ${count} jobs: expected a whole number ≥ 0`);
  const points = store.recoveryPoints();
  if (count > 0 && points.length === 0)
    throw new RangeError('a history needs at least one recovery point to restore from');
  const statuses = jobStatuses(model);
  const rand = seeded(o.seed ?? 11);
  const span = o.spanMs ?? 30 * DAY;
  const end = store.clock.now() - 3_600_000;
  const slot = count ? span / count : 0;
  // shuffled statuses per round, so that dates and statuses are not in lockstep
  const order: string[] = [];
  while (order.length < count) order.push(...[...statuses].sort(() => rand() - 0.5));
  for (let i = 0; i < count; i++) {
    const createdAt = Math.round(end - span + i * slot + rand() * slot * 0.9);
    store.seed(points[i % points.length]!, [order[i]!], createdAt);
  }
}
