// The user's own recovery points for the standalone mock: named on the command line
// (--recovery-point <arn>, with --resource-type) or listed in a JSON catalogue file. Whatever is not
// given is derived from the ARN (resource type, account, region) or drawn from a hash of it, so the
// same ARN always makes the same recovery point.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sourceArnFor, type RecoveryPoint } from './catalogue.ts';

export class CatalogueError extends Error {
  readonly code = 'E_CATALOGUE';
  constructor(
    readonly file: string,
    readonly field: string,
    expected: string,
  ) {
    super(`${file}: ${field}: expected ${expected}`);
    this.name = 'CatalogueError';
  }
}

/** The resource type a recovery point ARN shows by its form, where it shows one: an EBS snapshot,
 * an EC2 AMI, an RDS or Aurora snapshot, a DynamoDB backup. A vault recovery point
 * (arn:aws:backup:…:recovery-point:…) does not. */
export function resourceTypeFromArn(arn: string): string | undefined {
  const [, , service = '', , , ...rest] = arn.split(':');
  const resource = rest.join(':');
  if (service === 'ec2')
    return resource.startsWith('snapshot/') ? 'EBS' : resource.startsWith('image/') ? 'EC2' : undefined;
  if (service === 'rds')
    return resource.startsWith('cluster-snapshot:')
      ? 'Aurora'
      : resource.startsWith('snapshot:')
        ? 'RDS'
        : undefined;
  if (service === 'dynamodb') return /\/backup\//.test(resource) ? 'DynamoDB' : undefined;
  if (service === 'redshift') return 'Redshift';
  if (service === 'fsx') return 'FSx';
  return undefined;
}

export const DEFAULT_RESOURCE_TYPE = 'EBS';
const ARN = /^arn:[\w-]+:[\w-]+:[\w-]*:\d*:.+$/;

export function isArn(s: string): boolean {
  return ARN.test(s);
}

/** A recovery point from its ARN: given fields win; the rest derived from the ARN or drawn from its hash. */
export function recoveryPointFrom(
  arn: string,
  given: Partial<Omit<RecoveryPoint, 'arn'>> = {},
): RecoveryPoint {
  const [, partition = 'aws', , region = '', account = ''] = arn.split(':');
  const r = region || 'us-east-1';
  const a = given.accountId ?? (account || '123456789012');
  const h = createHash('sha256').update(arn).digest();
  const type = given.resourceType ?? resourceTypeFromArn(arn) ?? DEFAULT_RESOURCE_TYPE;
  return {
    arn,
    resourceType: type,
    sourceResourceArn:
      given.sourceResourceArn ??
      sourceArnFor(type, r, a, h.toString('hex').slice(0, 17)).replace(/^arn:aws:/, `arn:${partition}:`),
    backupVaultArn: given.backupVaultArn ?? `arn:${partition}:backup:${r}:${a}:backup-vault:Default`,
    backupSizeInBytes: given.backupSizeInBytes ?? 1024 + (h.readUInt32BE(0) % 50_000_000) * 1000,
    creationDate:
      given.creationDate ??
      new Date(Date.parse('2025-06-01T00:00:00Z') + (h.readUInt32BE(4) % 180) * 86_400_000),
    accountId: a,
  };
}

const FIELDS: Record<string, 'string' | 'number' | 'date'> = {
  arn: 'string',
  resourceType: 'string',
  sourceResourceArn: 'string',
  backupVaultArn: 'string',
  backupSizeInBytes: 'number',
  creationDate: 'date',
  accountId: 'string',
};

/** Validates a parsed catalogue: `{ "recoveryPoints": [{ "arn": …, "resourceType"?: …, … }] }` (or the
 * bare array). Every error names the file and the field. */
export function parseCatalogue(file: string, doc: unknown): RecoveryPoint[] {
  const list = Array.isArray(doc) ? doc : (doc as { recoveryPoints?: unknown } | null)?.recoveryPoints;
  const at = Array.isArray(doc) ? '' : 'recoveryPoints';
  if (!Array.isArray(list))
    throw new CatalogueError(
      file,
      'recoveryPoints',
      'an array of recovery points { "arn": "arn:aws:backup:…", "resourceType": "EBS", … }',
    );
  if (!list.length) throw new CatalogueError(file, 'recoveryPoints', 'at least one recovery point');
  const seen = new Set<string>();
  return list.map((p: unknown, i: number) => {
    const where = `${at}[${i}]`;
    if (typeof p !== 'object' || p === null || Array.isArray(p))
      throw new CatalogueError(file, where, 'an object { "arn": … }');
    const x = p as Record<string, unknown>;
    for (const [k, v] of Object.entries(x)) {
      const want = FIELDS[k];
      if (!want) throw new CatalogueError(file, `${where}.${k}`, `one of ${Object.keys(FIELDS).join(', ')}`);
      if (want === 'string' && (typeof v !== 'string' || v === ''))
        throw new CatalogueError(file, `${where}.${k}`, 'a non-empty string');
      if (want === 'number' && !(Number.isInteger(v) && (v as number) >= 0))
        throw new CatalogueError(file, `${where}.${k}`, 'a whole number ≥ 0');
      if (want === 'date' && (typeof v !== 'string' || Number.isNaN(Date.parse(v))))
        throw new CatalogueError(file, `${where}.${k}`, 'an ISO 8601 date, e.g. 2025-06-01T00:00:00Z');
    }
    if (typeof x.arn !== 'string' || !isArn(x.arn))
      throw new CatalogueError(
        file,
        `${where}.arn`,
        'an ARN (arn:<partition>:<service>:<region>:<account>:<resource>)',
      );
    if (seen.has(x.arn))
      throw new CatalogueError(
        file,
        `${where}.arn`,
        `a recovery point listed once (${x.arn} is listed twice)`,
      );
    seen.add(x.arn);
    const { arn: _a, creationDate, ...rest } = x as Partial<Record<keyof RecoveryPoint, never>>;
    return recoveryPointFrom(x.arn, {
      ...rest,
      ...(creationDate ? { creationDate: new Date(creationDate) } : {}),
    });
  });
}

export function readCatalogue(file: string): RecoveryPoint[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CatalogueError(
      file,
      '(file)',
      `a readable JSON file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CatalogueError(file, '(root)', `JSON (${(e as Error).message})`);
  }
  return parseCatalogue(file, doc);
}
