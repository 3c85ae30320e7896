// `--target` → a Target: builtin (the reference mock in-process, fast path), endpoint:<url>, or aws.
import { directRequestHandler } from '../mock/fast-path.ts';
import { createMock, defaultCatalogue, ManualClock, type BackupMock } from '../mock/index.ts';
import type { ServiceModel } from '../model/types.ts';
import { awsTarget, TargetConfigError } from './aws.ts';
import { endpointTarget, fetchFunctionTarget } from './fetch-target.ts';
import type { Target } from './types.ts';

export interface SelectedTarget {
  target: Target;
  recoveryPoints: string[];
  advance?: (ms: number) => void;
}

export interface SelectOptions {
  model: ServiceModel;
  timeoutMs: number;
  recoveryPoints?: string[];
  allowMutations?: boolean;
  account?: string;
  region?: string;
}

/** The reference mock as a target: SDK calls straight to its resolver, raw HTTP cases through its Fetch
 * face. */
export function builtinTarget(mock: BackupMock, timeoutMs: number): Target {
  return fetchFunctionTarget((r) => mock.fetch(r), {
    name: 'builtin',
    origin: 'https://backup.us-east-1.amazonaws.com',
    timeoutMs,
    // the reference mock ignores signatures
    signRaw: false,
    signSdk: false,
    sdkHandler: directRequestHandler(mock),
  });
}

export async function selectTarget(spec: string, o: SelectOptions): Promise<SelectedTarget> {
  if (spec === 'builtin') {
    const clock = new ManualClock(Date.now());
    const mock = await createMock({ model: o.model, clock });
    return {
      target: builtinTarget(mock, o.timeoutMs),
      recoveryPoints: o.recoveryPoints ?? mock.store.recoveryPoints().map((p) => p.arn),
      advance: (ms) => clock.advance(ms),
    };
  }
  if (spec.startsWith('endpoint:')) {
    const url = spec.slice('endpoint:'.length);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new TargetConfigError(
        `--target endpoint:<url> needs a URL such as endpoint:http://127.0.0.1:4566, got '${url}'`,
      );
    }
    if (!/^https?:$/.test(parsed.protocol))
      throw new TargetConfigError(`--target endpoint: the URL must be http(s), got '${url}'`);
    // by default, the recovery points the standalone reference mock seeds: found there, unknown elsewhere
    return {
      target: endpointTarget(url, o.timeoutMs),
      recoveryPoints: o.recoveryPoints ?? defaultCatalogue().map((p) => p.arn),
    };
  }
  if (spec === 'aws') {
    const target = await awsTarget({
      timeoutMs: o.timeoutMs,
      allowMutations: o.allowMutations,
      account: o.account,
      region: o.region,
    });
    return { target, recoveryPoints: o.recoveryPoints ?? [] };
  }
  throw new TargetConfigError(`--target must be builtin, endpoint:<url> or aws, got '${spec}'`);
}
