// What the standalone mock prints when it starts: where it listens, the recovery points it restores
// from, and the lines an AWS CLI or boto3 user would type first.
import type { RecoveryPoint } from './catalogue.ts';

const SHOWN = 10;

/** Which families keep state and which operations answer from the request alone. */
export interface Coverage {
  stateful: string[];
  stateless: string[];
  tagging: string[];
}

export function banner(endpoint: string, points: RecoveryPoint[], jobs: number, coverage?: Coverage): string {
  const first = points[0];
  const lines = [
    'AWS Backup mock listening',
    `endpoint: ${endpoint}`,
    ...(coverage
      ? [
          `every operation served; stateful families (${coverage.stateful.length}): ` +
            coverage.stateful.join(', '),
          `stateless operations, answered from the request alone (${coverage.stateless.length}): ` +
            coverage.stateless.join(', '),
          ...(coverage.tagging.length ? [`tags kept per ARN: ${coverage.tagging.join(', ')}`] : []),
        ]
      : []),
    `recovery points it restores from (${points.length}):`,
    ...points.slice(0, SHOWN).map((p) => `  ${p.arn}  (${p.resourceType})`),
    ...(points.length > SHOWN ? [`  … and ${points.length - SHOWN} more`] : []),
    `past jobs: ${jobs}${jobs ? '' : ' (--jobs N seeds a history)'}`,
    '',
    'Try it (any credentials and region will do):',
    '  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1',
    ...(first
      ? [
          `  aws backup start-restore-job --endpoint-url ${endpoint} ` +
            `--recovery-point-arn ${first.arn} --metadata key=value`,
        ]
      : []),
    `  aws backup list-restore-jobs --endpoint-url ${endpoint}`,
    `  boto3.client('backup', endpoint_url='${endpoint}')`,
    `  aws-backup-conformance run --target endpoint:${endpoint}` +
      (first ? ` --recovery-point ${first.arn}` : ''),
  ];
  return `${lines.join('\n')}\n`;
}
