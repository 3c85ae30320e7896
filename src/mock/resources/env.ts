// What every family implementation works with: the model and its families, the items kept, the token
// sealer, the clock, the seed and where server-set ARNs say the resources live.
import type { ResourceFamily } from '../../model/families.ts';
import type { ServiceModel } from '../../model/types.ts';
import type { Clock } from '../clock.ts';
import type { TokenSealer } from '../tokens.ts';
import type { Place } from './output.ts';
import type { ResourceStore } from './store.ts';

export type Input = Record<string, unknown>;
export type Impl = (input: Input) => Record<string, unknown>;

export interface Env {
  model: ServiceModel;
  families: ReadonlyMap<string, ResourceFamily>;
  store: ResourceStore;
  tokens: TokenSealer;
  clock: Clock;
  seed: number;
  region: string;
  account: string;
}

const epochs = new WeakMap<Env, number>();

// generated timestamps are drawn back from one instant per mock (its first answer), not from each
// request's clock reading: an item shows the same dates in every answer, so filters and listings agree
export const place = (env: Env): Place => {
  let now = epochs.get(env);
  if (now === undefined) epochs.set(env, (now = env.clock.now()));
  return { region: env.region, account: env.account, now };
};
