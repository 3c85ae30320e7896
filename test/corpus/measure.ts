// One service in one form: derive it docs-only and compare it with botocore's own model of the same
// version (a test oracle, read here and in tests only: nothing in src/ reads botocore's models).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SDK_FILLS_LOSS } from '../../src/docs/blocks.ts';
import { deriveModel } from '../../src/spec/derive.ts';
import { compare, type OModel, type OPaginators } from '../../test/model/oracle.ts';

export interface Row {
  service: string;
  form: string;
  pages: number;
  /** operations derived / operations in the oracle */
  ops: number;
  oracleOps: number;
  losses: number;
  /** facts the derived model states and the oracle can judge */
  total: number;
  agree: number;
  /** disagreements on operations whose pages record a loss: the rendering lost them */
  lostDisagree: number;
  /** wall-clock and CPU time of the derivation (the machine is shared: CPU time is the steadier figure) */
  ms: number;
  cpuMs: number;
  error?: string;
  residue: string[];
}

let dataDir: string | undefined;
/** botocore's data folder, from the installed python3 botocore */
export function botocoreData(): string {
  dataDir ??= join(
    execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], {
      encoding: 'utf8',
    }).trim(),
    'data',
  );
  return dataDir;
}

const readJson = (file: string): unknown =>
  JSON.parse(
    (existsSync(file) ? readFileSync(file) : gunzipSync(readFileSync(`${file}.gz`))).toString('utf8'),
  );

/** The oracle of one service: `<dir>/service-2.json[.gz]` and `paginators-1.json[.gz]` (if any). */
export function oracleIn(dir: string): { model: OModel; paginators: OPaginators } {
  const has = (f: string) => existsSync(join(dir, f)) || existsSync(join(dir, `${f}.gz`));
  return {
    model: readJson(join(dir, 'service-2.json')) as OModel,
    paginators: has('paginators-1.json')
      ? (readJson(join(dir, 'paginators-1.json')) as { pagination: OPaginators }).pagination
      : {},
  };
}

/** botocore's newest model version folder of a service */
export function botocoreOracle(service: string): { model: OModel; paginators: OPaginators } {
  const base = join(botocoreData(), service);
  const version = readdirSync(base).sort().at(-1)!;
  return oracleIn(join(base, version));
}

export async function measure(
  service: string,
  form: string,
  dir: string,
  oracle: { model: OModel; paginators: OPaginators },
  repeat = 1,
): Promise<Row> {
  const row: Row = {
    service,
    form,
    pages: 0,
    ops: 0,
    oracleOps: Object.keys(oracle.model.operations).length,
    losses: 0,
    total: 0,
    agree: 0,
    lostDisagree: 0,
    ms: 0,
    cpuMs: 0,
    residue: [],
  };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const cpu = () => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  try {
    let { model, drift, pages } = await deriveModel(dir, { sdk: false });
    row.ms = performance.now() - t0;
    row.cpuMs = cpu();
    // --repeat N: the derivation runs N times and the least CPU time counts (JIT warm, and least disturbed
    // by other jobs on a shared machine); every run derives the same model, the last one is compared
    for (let i = 1; i < repeat; i++) {
      const [t1, c1] = [performance.now(), process.cpuUsage()];
      ({ model, drift, pages } = await deriveModel(dir, { sdk: false }));
      const c = process.cpuUsage(c1);
      if ((c.user + c.system) / 1000 < row.cpuMs) {
        row.cpuMs = (c.user + c.system) / 1000;
        row.ms = performance.now() - t1;
      }
    }
    row.pages = pages.length;
    row.ops = Object.keys(model.operations).length;
    const lossy = drift.filter((d) => d.kind === 'unread' || d.kind === 'rendering-loss');
    row.losses = lossy.length;
    // a fact the page does not state (the SDK fills the parameter in) is lost, whichever way the model
    // has it;
    // it leaves the operation's other facts alone
    const notStated = new Set(
      lossy
        .filter((d) => d.detail.startsWith(SDK_FILLS_LOSS))
        .map((d) => `${d.operation} input.${/\('(\w+)'\)$/.exec(d.detail)![1]}: required `),
    );
    const lossyOps = new Set(
      lossy.filter((d) => !d.detail.startsWith(SDK_FILLS_LOSS)).map((d) => d.operation),
    );
    const a = compare(model, { docsOnly: true }, oracle);
    row.total = a.total;
    row.agree = a.agree;
    for (const fact of notStated) {
      const [op, member] = /^(\w+) input\.(\w+)/.exec(fact)!.slice(1) as [string, string];
      const input = oracle.model.operations[op]?.input?.shape;
      if (!input || !oracle.model.shapes[input]?.members?.[member] || !model.operations[op]) continue;
      row.lostDisagree++;
      if (!a.residue.some((r) => r.startsWith(fact))) row.agree--; // it was counted as an agreement
    }
    for (const r of a.residue) {
      if ([...notStated].some((f) => r.startsWith(f))) continue;
      if (lossyOps.has(r.split(/[ :]/)[0])) row.lostDisagree++;
      else row.residue.push(r);
    }
  } catch (e) {
    row.ms = performance.now() - t0;
    row.cpuMs = cpu();
    row.error = (e as Error).message.slice(0, 300);
  }
  return row;
}
