// Mistakes outside restore jobs: one family each, the way a hand-written mock of another Backup
// resource goes wrong (listings, validation, not-found, stale state, output values, error framing).
// Each runs only the operations of its family it concerns, so the catalogue stays quick.
import {
  editAnswersOf,
  editQueryOf,
  errorType,
  opName,
  queryName,
  success,
  withBody,
  type FetchFn,
  type Mutant,
} from './kit.ts';

type Json = Record<string, unknown>;

const VAULT = ['CreateBackupVault', 'DescribeBackupVault', 'ListBackupVaults', 'DeleteBackupVault'];
const PLAN = ['CreateBackupPlan', 'GetBackupPlan', 'ListBackupPlans', 'UpdateBackupPlan', 'DeleteBackupPlan'];
const SELECTION = [
  'CreateBackupPlan',
  'CreateBackupSelection',
  'GetBackupSelection',
  'ListBackupSelections',
  'DeleteBackupSelection',
];
const FRAMEWORK = ['CreateFramework', 'DescribeFramework', 'ListFrameworks', 'UpdateFramework'];
const REPORT_PLAN = ['CreateReportPlan', 'DescribeReportPlan', 'ListReportPlans', 'UpdateReportPlan'];
// DeleteRestoreTestingPlan left out: the faithful mock fails it today (a 204 with a body)
const TESTING_PLAN = [
  'CreateRestoreTestingPlan',
  'GetRestoreTestingPlan',
  'ListRestoreTestingPlans',
  'UpdateRestoreTestingPlan',
];
const LEGAL_HOLD = ['CreateLegalHold', 'GetLegalHold', 'ListLegalHolds', 'CancelLegalHold'];
const NOTIFICATIONS = ['CreateBackupVault', 'GetBackupVaultNotifications', 'PutBackupVaultNotifications'];
const ACCESS_POLICY = ['CreateBackupVault', 'GetBackupVaultAccessPolicy', 'PutBackupVaultAccessPolicy'];
const COPY_JOB = ['ListCopyJobs', 'DescribeCopyJob'];
const BACKUP_JOB = ['ListBackupJobs', 'DescribeBackupJob'];

const dropQuery = (operation: string, member: string) =>
  editQueryOf(operation, async (q) => q.delete(await queryName(operation, member)));

/** The faithful answer's not-found error for this operation turned into a 200 with `body`. */
const foundWhenUnknown =
  (operation: string, body: (req: Request) => Json) =>
  (inner: FetchFn): FetchFn =>
    editAnswersOf(
      operation,
      (b, req, res) => (errorType(res, b) === 'ResourceNotFoundException' ? success(body(req)) : b),
      true,
    )(inner);

/** Reads of one operation answer the first body seen for their URL: a cache never invalidated. */
const staleReads =
  (operation: string) =>
  (inner: FetchFn): FetchFn => {
    const seen = new Map<string, string>();
    return async (req) => {
      const res = await inner(req);
      if ((await opName(req)) !== operation) return res;
      const first = seen.get(req.url);
      if (first !== undefined) return success(JSON.parse(first));
      if (res.status < 300) seen.set(req.url, await res.clone().text());
      return res;
    };
  };

const lastLabel = (req: Request) => decodeURIComponent(new URL(req.url).pathname.split('/').filter(Boolean).at(-1)!);

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
    id: 'testing-plans-list-omits-newest',
    // the full listing the pagination check pages through lacks the plan the run created
    caughtBy: 'pagination',
    operations: TESTING_PLAN,
    description: 'ListRestoreTestingPlans leaves out the plan created last (a list index updated late)',
    wrap: (inner) => {
      let newest: unknown;
      return editAnswersOf('ListRestoreTestingPlans', (b) => ({
        ...b,
        RestoreTestingPlans: ((b.RestoreTestingPlans as Json[] | undefined) ?? []).filter(
          (i) => i.RestoreTestingPlanName !== newest,
        ),
      }))(
        editAnswersOf('CreateRestoreTestingPlan', (b) => {
          newest = b.RestoreTestingPlanName;
          return b;
        })(inner),
      );
    },
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
        const name = ((await req.clone().json().catch(() => ({}))) as Json).FrameworkName;
        return success({ FrameworkName: name, FrameworkArn: `arn:aws:backup:us-east-1:123456789012:framework:${name}` });
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
    id: 'plan-delete-unknown-200',
    caughtBy: 'unknown-resource',
    operations: PLAN,
    description: 'DeleteBackupPlan of an unknown plan answers 200 where ResourceNotFoundException is documented',
    wrap: foundWhenUnknown('DeleteBackupPlan', (req) => ({ BackupPlanId: lastLabel(req) })),
  },
  {
    id: 'copy-job-describe-unknown-200',
    caughtBy: 'unknown-resource',
    operations: COPY_JOB,
    description: 'DescribeCopyJob of an unknown job answers 200 with an empty job',
    wrap: foundWhenUnknown('DescribeCopyJob', (req) => ({ CopyJob: { CopyJobId: lastLabel(req) } })),
  },
  {
    id: 'selection-read-after-delete',
    caughtBy: 'crud',
    operations: SELECTION,
    description: 'GetBackupSelection answers from a cache: a deleted selection is still read',
    wrap: staleReads('GetBackupSelection'),
  },
  {
    id: 'report-plan-update-not-seen',
    caughtBy: 'crud',
    operations: REPORT_PLAN,
    description: 'DescribeReportPlan answers the plan as first read: UpdateReportPlan is not seen',
    wrap: staleReads('DescribeReportPlan'),
  },
  {
    id: 'framework-create-answers-other-name',
    caughtBy: 'crud',
    operations: FRAMEWORK,
    description: 'CreateFramework answers a name other than the one it stored (a suffix added)',
    wrap: editAnswersOf('CreateFramework', (b) => ({ ...b, FrameworkName: `${String(b.FrameworkName)}_1` })),
  },
  {
    id: 'selection-name-cut-short',
    caughtBy: 'crud',
    operations: SELECTION,
    description: 'CreateBackupSelection stores its SelectionName without the last character (a slice)',
    wrap: (inner) => async (req) => {
      if ((await opName(req)) !== 'CreateBackupSelection') return inner(req);
      const body = (await req.clone().json().catch(() => undefined)) as Json | undefined;
      const sel = body?.BackupSelection as Json | undefined;
      if (typeof sel?.SelectionName !== 'string' || sel.SelectionName.length < 2) return inner(req);
      const cut = { ...sel, SelectionName: sel.SelectionName.slice(0, -1) };
      return inner(
        new Request(req.url, {
          method: req.method,
          headers: req.headers,
          body: JSON.stringify({ ...body, BackupSelection: cut }),
        }),
      );
    },
  },
  {
    id: 'notifications-put-not-seen',
    caughtBy: 'crud',
    operations: NOTIFICATIONS,
    description: 'GetBackupVaultNotifications answers no events whatever PutBackupVaultNotifications set',
    wrap: editAnswersOf('GetBackupVaultNotifications', (b) => ({ ...b, BackupVaultEvents: [] })),
  },
  {
    id: 'access-policy-of-unknown-vault',
    caughtBy: 'unknown-resource',
    operations: ACCESS_POLICY,
    description: 'GetBackupVaultAccessPolicy of an unknown vault answers an empty policy (200)',
    wrap: foundWhenUnknown('GetBackupVaultAccessPolicy', (req) => ({
      BackupVaultName: new URL(req.url).pathname.split('/')[2],
      Policy: '{}',
    })),
  },
  {
    id: 'report-plan-delete-removes-nothing',
    caughtBy: 'crud',
    operations: [...REPORT_PLAN, 'DeleteReportPlan'],
    description: 'DeleteReportPlan answers 200 and removes nothing: the plan is still read and listed',
    wrap: (inner) => async (req) => ((await opName(req)) === 'DeleteReportPlan' ? success({}) : inner(req)),
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
      const body = (await res.clone().json().catch(() => ({}))) as Json;
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
