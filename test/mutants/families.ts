// Mistakes outside restore jobs: one family each, the way a hand-written mock of another Backup
// resource goes wrong (listings, validation, output values, error framing; family-state.ts: state).
// Each runs only the operations of its family it concerns, so the catalogue stays quick.
import { editAnswersOf, editQueryOf, opName, queryName, success, withBody, type Mutant } from './kit.ts';

type Json = Record<string, unknown>;

export const VAULT = ['CreateBackupVault', 'DescribeBackupVault', 'ListBackupVaults', 'DeleteBackupVault'];
export const PLAN = [
  'CreateBackupPlan',
  'GetBackupPlan',
  'ListBackupPlans',
  'UpdateBackupPlan',
  'DeleteBackupPlan',
];
export const SELECTION = [
  'CreateBackupPlan',
  'CreateBackupSelection',
  'GetBackupSelection',
  'ListBackupSelections',
  'DeleteBackupSelection',
];
export const FRAMEWORK = ['CreateFramework', 'DescribeFramework', 'ListFrameworks', 'UpdateFramework'];
export const REPORT_PLAN = ['CreateReportPlan', 'DescribeReportPlan', 'ListReportPlans', 'UpdateReportPlan'];
// DeleteRestoreTestingPlan left out: the faithful mock fails it today (a 204 with a body)
export const TESTING_PLAN = [
  'CreateRestoreTestingPlan',
  'GetRestoreTestingPlan',
  'ListRestoreTestingPlans',
  'UpdateRestoreTestingPlan',
];
export const LEGAL_HOLD = ['CreateLegalHold', 'GetLegalHold', 'ListLegalHolds', 'CancelLegalHold'];
export const NOTIFICATIONS = [
  'CreateBackupVault',
  'GetBackupVaultNotifications',
  'PutBackupVaultNotifications',
];
export const ACCESS_POLICY = [
  'CreateBackupVault',
  'GetBackupVaultAccessPolicy',
  'PutBackupVaultAccessPolicy',
];
export const COPY_JOB = ['ListCopyJobs', 'DescribeCopyJob'];
export const BACKUP_JOB = ['ListBackupJobs', 'DescribeBackupJob'];

const dropQuery = (operation: string, member: string) =>
  editQueryOf(operation, async (q) => q.delete(await queryName(operation, member)));

export const familyMutants: Mutant[] = [
  {
    id: 'vaults-list-ignores-maxresults',
    caughtBy: 'pagination',
    operations: VAULT,
    description: 'ListBackupVaults ignores MaxResults: every page has the default size',
    wrap: dropQuery('ListBackupVaults', 'MaxResults'),
  },
  {
    id: 'legal-holds-list-ignores-maxresults',
    caughtBy: 'pagination',
    operations: LEGAL_HOLD,
    description: 'ListLegalHolds ignores MaxResults',
    wrap: dropQuery('ListLegalHolds', 'MaxResults'),
  },
  {
    id: 'plans-list-drops-nexttoken',
    caughtBy: 'pagination',
    operations: PLAN,
    description: 'ListBackupPlans answers its first page without the NextToken although items remain',
    wrap: editAnswersOf('ListBackupPlans', (b) => {
      const { NextToken: _dropped, ...rest } = b;
      return rest;
    }),
  },
  {
    id: 'vaults-filter-ignored',
    caughtBy: 'filters',
    operations: VAULT,
    description: 'ListBackupVaults ignores ByVaultType: every vault is listed whatever its type',
    wrap: dropQuery('ListBackupVaults', 'ByVaultType'),
  },
  {
    id: 'framework-name-not-validated',
    caughtBy: 'negative-rejection',
    operations: FRAMEWORK,
    description: 'CreateFramework does not validate FrameworkName: an invalid name is created (200)',
    wrap: editAnswersOf(
      'CreateFramework',
      async (b, req, res) => {
        if (res.status < 400 || !/FrameworkName/.test(String(b.Message ?? b.message ?? ''))) return b;
        const name = (
          (await req
            .clone()
            .json()
            .catch(() => ({}))) as Json
        ).FrameworkName;
        const arn = `arn:aws:backup:us-east-1:123456789012:framework:${String(name)}`;
        return success({ FrameworkName: name, FrameworkArn: arn });
      },
      true,
    ),
  },
  {
    id: 'backup-jobs-maxresults-range-unchecked',
    caughtBy: 'negative-rejection',
    operations: BACKUP_JOB,
    description: 'ListBackupJobs accepts a MaxResults outside 1..1000 and answers an empty page',
    wrap: editAnswersOf(
      'ListBackupJobs',
      (b, req, res) => {
        const n = Number(new URL(req.url).searchParams.get('maxResults'));
        return res.status >= 400 && (n < 1 || n > 1000) ? success({ BackupJobs: [] }) : b;
      },
      true,
    ),
  },
  {
    id: 'vault-state-undocumented',
    caughtBy: 'output-enums',
    operations: VAULT,
    description: 'DescribeBackupVault answers VaultState ACTIVE (documented: CREATING, AVAILABLE, FAILED)',
    wrap: editAnswersOf('DescribeBackupVault', (b) => ({ ...b, VaultState: 'ACTIVE' })),
  },
  {
    id: 'plan-version-wrong-type',
    caughtBy: 'response-schema',
    operations: PLAN,
    description: 'GetBackupPlan answers VersionId as a number',
    wrap: editAnswersOf('GetBackupPlan', (b) => ({ ...b, VersionId: 1 })),
  },
  {
    id: 'legal-hold-errors-unnamed',
    caughtBy: 'error-shape',
    operations: LEGAL_HOLD,
    description: 'LegalHold errors carry neither x-amzn-errortype nor a type in the body',
    wrap: (inner) => async (req) => {
      const res = await inner(req);
      const name = await opName(req);
      if (res.status < 400 || !LEGAL_HOLD.includes(name ?? '')) return res;
      const body = (await res
        .clone()
        .json()
        .catch(() => ({}))) as Json;
      const { __type: _t, Code: _c, code: _k, ...rest } = body;
      return withBody(res, rest, { headers: { 'x-amzn-errortype': undefined } });
    },
  },
  {
    id: 'selections-list-500-with-maxresults',
    caughtBy: 'not-a-server-error',
    operations: SELECTION,
    description: 'ListBackupSelections fails with a 500 whenever MaxResults is given',
    wrap: (inner) => async (req) => {
      if ((await opName(req)) === 'ListBackupSelections' && new URL(req.url).searchParams.has('maxResults'))
        return new Response('{"__type":"InternalFailure","message":"slice"}', {
          status: 500,
          headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalFailure' },
        });
      return inner(req);
    },
  },
];
