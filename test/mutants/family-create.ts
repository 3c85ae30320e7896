// Mistakes in what a create answers outside restore jobs: a duplicate name accepted where the create
// documents AlreadyExistsException, an ARN that does not embed the identifier it was created with (its
// documented format: spec/overlay/behaviour.json `arns`), a read that answers the item nested under one
// member with other values than it was created with.
import { FRAMEWORK, LEGAL_HOLD, REPORT_PLAN, TESTING_PLAN, VAULT } from './families.ts';
import { editAnswersOf, errorType, opName, success, type FetchFn, type Mutant } from './kit.ts';

type Json = Record<string, unknown>;

export const RESTORE_ACCESS = [
  'CreateBackupVault',
  'CreateRestoreAccessBackupVault',
  'ListRestoreAccessBackupVaults',
  'RevokeRestoreAccessBackupVault',
];

export const TIERING = [
  'CreateTieringConfiguration',
  'GetTieringConfiguration',
  'ListTieringConfigurations',
  'UpdateTieringConfiguration',
  'DeleteTieringConfiguration',
];

const ARN = 'arn:aws:backup:us-east-1:123456789012';
const body = async (req: Request): Promise<Json> =>
  (await req
    .clone()
    .json()
    .catch(() => ({}))) as Json;

/** The create's AlreadyExistsException turned into a 200 answering `answer(request body)`: a store keyed
 * by name that overwrites (a `Map.set`), where AWS documents the conflict. */
const duplicateAccepted =
  (operation: string, answer: (b: Json) => Json) =>
  (inner: FetchFn): FetchFn =>
    editAnswersOf(
      operation,
      async (b, req, res) =>
        errorType(res, b) === 'AlreadyExistsException' ? success(answer(await body(req))) : b,
      true,
    )(inner);

export const familyCreateMutants: Mutant[] = [
  {
    id: 'vault-duplicate-create-overwrites',
    caughtBy: 'crud',
    operations: VAULT,
    description: 'CreateBackupVault of a name that exists answers 200 (documented: AlreadyExistsException)',
    wrap: duplicateAccepted('CreateBackupVault', (b) => ({
      BackupVaultName: b.BackupVaultName,
      BackupVaultArn: `${ARN}:backup-vault:${String(b.BackupVaultName)}`,
      CreationDate: Date.now() / 1000,
    })),
  },
  {
    id: 'report-plan-duplicate-create-accepted',
    caughtBy: 'crud',
    operations: REPORT_PLAN,
    description: 'CreateReportPlan of a plan that exists answers 200 (documented: AlreadyExistsException)',
    wrap: duplicateAccepted('CreateReportPlan', (b) => ({
      ReportPlanName: b.ReportPlanName,
      ReportPlanArn: `${ARN}:report-plan:${String(b.ReportPlanName)}-0f1e2d3c`,
      CreationTime: Date.now() / 1000,
    })),
  },
  {
    id: 'tiering-duplicate-create-accepted',
    caughtBy: 'crud',
    operations: TIERING,
    description:
      'CreateTieringConfiguration of a name that exists (named inside TieringConfiguration) answers 200',
    wrap: duplicateAccepted('CreateTieringConfiguration', (b) => {
      const name = String((b.TieringConfiguration as Json | undefined)?.TieringConfigurationName);
      return {
        TieringConfigurationName: name,
        TieringConfigurationArn: `${ARN}:tiering-configuration:${name}-0f1e2d3c`,
        CreationTime: Date.now() / 1000,
      };
    }),
  },
  {
    id: 'vault-arn-by-internal-id',
    caughtBy: 'crud',
    operations: VAULT,
    description:
      'DescribeBackupVault answers BackupVaultArn with an internal id in place of the vault name ' +
      '(documented: backup-vault:${BackupVaultName})',
    wrap: editAnswersOf('DescribeBackupVault', (b) => ({
      ...b,
      BackupVaultArn: String(b.BackupVaultArn).replace(/backup-vault:.*$/, 'backup-vault:7c3e9a41-55d2'),
    })),
  },
  {
    id: 'framework-arn-without-name',
    caughtBy: 'crud',
    operations: FRAMEWORK,
    description:
      'CreateFramework answers a FrameworkArn of the id alone ' +
      '(documented: framework:${FrameworkName}-${FrameworkId})',
    wrap: editAnswersOf('CreateFramework', (b) => ({
      ...b,
      FrameworkArn: `${ARN}:framework:4be1c2d0-9f7a-4c55-8e0b-2d6a1f3b9c11`,
    })),
  },
  {
    id: 'testing-plan-arn-stub-name',
    caughtBy: 'crud',
    operations: TESTING_PLAN,
    description:
      'GetRestoreTestingPlan answers a RestoreTestingPlanArn built from a stub name, not the plan read',
    wrap: editAnswersOf('GetRestoreTestingPlan', (b) => {
      const plan = b.RestoreTestingPlan as Json | undefined;
      if (!plan) return b;
      const arn = `${ARN}:restore-testing-plan:example-plan-0f1e2d3c`;
      return { ...b, RestoreTestingPlan: { ...plan, RestoreTestingPlanArn: arn } };
    }),
  },
  {
    id: 'report-plan-describe-default-channel',
    caughtBy: 'crud',
    operations: REPORT_PLAN,
    description:
      'DescribeReportPlan answers the nested ReportPlan with a default delivery bucket, not the one created',
    wrap: editAnswersOf('DescribeReportPlan', (b) => {
      const plan = b.ReportPlan as Json | undefined;
      const channel = plan?.ReportDeliveryChannel as Json | undefined;
      if (!plan || !channel) return b;
      return {
        ...b,
        ReportPlan: {
          ...plan,
          ReportDeliveryChannel: { ...channel, S3BucketName: 'default-reports-bucket' },
        },
      };
    }),
  },
  {
    id: 'restore-access-vault-create-stub',
    caughtBy: 'crud',
    operations: RESTORE_ACCESS,
    description:
      'CreateRestoreAccessBackupVault answers a new ARN and keeps nothing: the source vault lists no ' +
      'restore access vault, and revoking it answers not found',
    wrap: (inner) => async (req) => {
      if ((await opName(req)) !== 'CreateRestoreAccessBackupVault') return inner(req);
      const n = (await body(req)).SourceBackupVaultArn;
      return success({
        RestoreAccessBackupVaultArn: `${ARN}:backup-vault:restore-access-${String(n).length}-0f1e2d3c`,
        VaultState: 'CREATING',
        CreationDate: Date.now() / 1000,
      });
    },
  },
  {
    id: 'legal-hold-arn-fresh-id',
    caughtBy: 'crud',
    operations: LEGAL_HOLD,
    description:
      'CreateLegalHold answers a LegalHoldArn built from a new random id, not the LegalHoldId it answers',
    wrap: (inner) => {
      let n = 0;
      return editAnswersOf('CreateLegalHold', (b) => ({
        ...b,
        LegalHoldArn: `${ARN}:legal-hold:${(0x5eed0000 + ++n).toString(16)}-fresh`,
      }))(inner);
    },
  },
  {
    id: 'copy-job-describe-default-role',
    caughtBy: 'crud',
    operations: ['StartCopyJob', 'DescribeCopyJob', 'ListCopyJobs'],
    description:
      'DescribeCopyJob answers the nested CopyJob with a default IamRoleArn, not the role it was given',
    wrap: editAnswersOf('DescribeCopyJob', (b) => {
      const job = b.CopyJob as Json | undefined;
      if (!job) return b;
      return { ...b, CopyJob: { ...job, IamRoleArn: 'arn:aws:iam::123456789012:role/service-role/Default' } };
    }),
  },
];
