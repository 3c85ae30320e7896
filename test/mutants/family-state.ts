// State mistakes outside restore jobs: an unknown item found, a deleted one still read, an update not
// seen, a created one stored or listed otherwise than it was created.
import {
  ACCESS_POLICY,
  COPY_JOB,
  FRAMEWORK,
  NOTIFICATIONS,
  PLAN,
  REPORT_PLAN,
  SELECTION,
  TESTING_PLAN,
} from './families.ts';
import { editAnswersOf, errorType, opName, success, type FetchFn, type Mutant } from './kit.ts';

type Json = Record<string, unknown>;

/** The faithful answer's not-found error for this operation turned into a 200 with `body`. */
const foundWhenUnknown =
  (operation: string, body: (req: Request) => Json) =>
  (inner: FetchFn): FetchFn =>
    editAnswersOf(
      operation,
      (b, req, res) => (errorType(res, b) === 'ResourceNotFoundException' ? success(body(req)) : b),
      true,
    )(inner);

/** Reads of one operation answer the first body seen for their URL: a cache never invalidated
 * (`onlyFound`: only while the item exists, so a deleted one is still not found). */
const staleReads =
  (operation: string, onlyFound = false) =>
  (inner: FetchFn): FetchFn => {
    const seen = new Map<string, string>();
    return async (req) => {
      const res = await inner(req);
      if ((await opName(req)) !== operation) return res;
      const first = seen.get(req.url);
      if (first !== undefined && (!onlyFound || res.status < 300)) return success(JSON.parse(first));
      if (res.status < 300) seen.set(req.url, await res.clone().text());
      return res;
    };
  };

const lastLabel = (req: Request) =>
  decodeURIComponent(new URL(req.url).pathname.split('/').filter(Boolean).at(-1)!);

export const familyStateMutants: Mutant[] = [
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
    id: 'plan-delete-unknown-200',
    caughtBy: 'unknown-resource',
    operations: PLAN,
    description:
      'DeleteBackupPlan of an unknown plan answers 200 where ResourceNotFoundException is documented',
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
    id: 'plan-update-not-seen',
    caughtBy: 'crud',
    operations: PLAN,
    description: 'GetBackupPlan answers the plan as first read: UpdateBackupPlan is not seen',
    wrap: staleReads('GetBackupPlan', true),
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
      const body = (await req
        .clone()
        .json()
        .catch(() => undefined)) as Json | undefined;
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
];
