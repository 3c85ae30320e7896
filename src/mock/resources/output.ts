// An operation's output filled from what the mock knows of an item (stored values, identifiers, the
// server-set fields) and otherwise generated from the item's own seed, so that a created item reads,
// lists and describes with the same values. Server-set fields by the model's naming conventions, as
// the family derivation reads identifiers: `*Arn` built from region, account and the identifier it
// names (`arn:aws:backup:<region>:<account>:<resource-type>:<id>`), `Creation*`/`Created*` times from
// the mock's clock at creation, `LastUpdate*`/`LastModified*` at the last update, `*VersionId`.
import type { Operation, Shape } from '../../model/types.ts';
import { arnFrom } from '../../model/arn-formats.ts';
import { arnFormatOf } from '../../model/service-facts.ts';
import { seeded, uuidFrom } from '../random.ts';
import { fit, type Hints } from './values.ts';

export interface View {
  values: Record<string, unknown>;
  createdAt?: number;
  updatedAt?: number;
  version?: string;
}

export interface Place {
  region: string;
  account: string;
  now: number;
}

/** FNV-1a: a stable number from text, to seed a member's generated value. */
export function hash(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

export function arnOf(p: Pick<Place, 'region' | 'account'>, stem: string, id: string): string {
  return `arn:aws:backup:${p.region}:${p.account}:${kebab(stem)}:${id}`;
}

function known(view: View, name: string, shape: Shape, p: Place): unknown {
  const own = view.values[name];
  if (own !== undefined) return own;
  if (shape.type === 'timestamp') {
    if (/^Creat(ed|ion)/.test(name) && view.createdAt !== undefined) return new Date(view.createdAt);
    if (/^(LastUpdate|LastModif|Update)/.test(name) && view.updatedAt !== undefined)
      return new Date(view.updatedAt);
  }
  if (/VersionId$/.test(name) && view.version !== undefined) return view.version;
  const stem = /^(\w+)Arn$/.exec(name)?.[1];
  const id = stem && (view.values[`${stem}Name`] ?? view.values[`${stem}Id`]);
  if (typeof id === 'string') {
    // the documented format where the overlay states one (a framework's ARN ends in its name and an id
    // the service assigns); a placeholder the item does not know is drawn from its id and creation time
    const fmt = arnFormatOf(name)?.format;
    const own = { Partition: 'aws', Region: p.region, Account: p.account };
    const drawn = (ph: string) => uuidFrom(seeded(hash(`${ph}:${id}:${view.createdAt ?? ''}`)));
    return fmt ? arnFrom(fmt, { ...view.values, ...own }, drawn) : arnOf(p, stem!, id);
  }
  // one level down: a list item's BackupPlanName is the created BackupPlan's BackupPlanName
  for (const v of Object.values(view.values)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      const inner = (v as Record<string, unknown>)[name];
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

function hintsFor(p: Place, seed: number): Hints {
  const rand = seeded(seed);
  return {
    rand,
    now: p.now,
    arn: (name) => arnOf(p, name.replace(/Arn$/, ''), Math.floor(rand() * 1e12).toString(36)),
  };
}

/** Whether a structure member holds the item itself: one of its members is an identifier (`*Name`, `*Id`)
 * the view knows. */
const nestsItem = (shape: Shape, view: View): boolean =>
  shape.type === 'structure' &&
  Object.keys(shape.members ?? {}).some((k) => /(Name|Id)$/.test(k) && typeof view.values[k] === 'string');

/** A structure shape filled from the view; members skipped by `skip` are left out. */
export function structureFrom(
  shape: Shape,
  view: View,
  p: Place,
  seed: number,
  skip: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of Object.values(shape.members ?? {})) {
    if (skip.has(m.name)) continue;
    const h = hintsFor(p, hash(m.name, seed));
    const v = known(view, m.name, m.shape, p);
    if (nestsItem(m.shape, view)) {
      // the item nested under one member (DescribeReportPlan → ReportPlan): filled from the view as the
      // top level is, a stored structure of that name (a create's own RestoreTestingPlan) over it
      const stored = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
      const inner = { ...view, values: { ...view.values, ...stored } };
      out[m.name] = fit(m.shape, structureFrom(m.shape, inner, p, hash(m.name, seed)), m.name, h, 1);
      continue;
    }
    // an optional member nothing is known of: present or not as the item's seed says, steadily
    if (v === undefined && !m.required && h.rand() < 0.5) continue;
    out[m.name] = fit(m.shape, v, m.name, h, 1);
  }
  return out;
}

/** The output of `op` for the view, without a next token (a stateless answer is the last page);
 * `listing`: without the page's items either (the listing sets both). */
export function outputFrom(
  op: Operation,
  view: View,
  p: Place,
  seed: number,
  listing = false,
): Record<string, unknown> {
  const pg = op.paginated;
  const skip = pg ? (listing ? [pg.outputToken, pg.resultKey] : [pg.outputToken]) : [];
  return structureFrom(op.output, view, p, seed, new Set(skip));
}
