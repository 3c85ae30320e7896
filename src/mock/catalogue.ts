// The recovery points a started job restores from: a seeded default catalogue, or the user's own.
import { seeded, uuidFrom } from './random.ts';

export interface RecoveryPoint {
  arn: string;
  resourceType: string;
  sourceResourceArn: string;
  backupVaultArn: string;
  backupSizeInBytes: number;
  creationDate: Date;
  accountId: string;
}

export interface CatalogueOptions {
  accountId?: string;
  region?: string;
  /** resource types to spread the default recovery points over */
  resourceTypes?: string[];
  count?: number;
  seed?: number;
}

const SOURCE: Record<string, (region: string, account: string, id: string) => string> = {
  EBS: (r, a, id) => `arn:aws:ec2:${r}:${a}:volume/vol-${id}`,
  EC2: (r, a, id) => `arn:aws:ec2:${r}:${a}:instance/i-${id}`,
  EFS: (r, a, id) => `arn:aws:elasticfilesystem:${r}:${a}:file-system/fs-${id}`,
  RDS: (r, a, id) => `arn:aws:rds:${r}:${a}:db:db-${id}`,
  DynamoDB: (r, a, id) => `arn:aws:dynamodb:${r}:${a}:table/table-${id}`,
  S3: (_r, _a, id) => `arn:aws:s3:::bucket-${id}`,
};

/** The ARN of the resource a recovery point of this type was made from. */
export function sourceArnFor(type: string, region: string, account: string, id: string): string {
  const f =
    SOURCE[type] ??
    ((r: string, a: string, x: string) =>
      `arn:aws:${type.toLowerCase().replace(/[^a-z0-9-]/g, '')}:${r}:${a}:resource/${x}`);
  return f(region, account, id);
}

export function defaultCatalogue(o: CatalogueOptions = {}): RecoveryPoint[] {
  const account = o.accountId ?? '123456789012';
  const region = o.region ?? 'us-east-1';
  const types = o.resourceTypes ?? Object.keys(SOURCE);
  const rand = seeded(o.seed ?? 7);
  return Array.from({ length: o.count ?? 12 }, (_, i) => {
    const type = types[i % types.length]!;
    const id = uuidFrom(rand).toLowerCase().replace(/-/g, '').slice(0, 17);
    const source =
      SOURCE[type] ??
      ((r: string, a: string, x: string) => `arn:aws:${type.toLowerCase()}:${r}:${a}:resource/${x}`);
    return {
      arn: `arn:aws:backup:${region}:${account}:recovery-point:${uuidFrom(rand)}`,
      resourceType: type,
      sourceResourceArn: source(region, account, id),
      backupVaultArn: `arn:aws:backup:${region}:${account}:backup-vault:Default`,
      backupSizeInBytes: Math.floor(rand() * 50e9) + 1024,
      creationDate: new Date(Date.parse('2025-06-01T00:00:00Z') + i * 3_600_000),
      accountId: account,
    };
  });
}
