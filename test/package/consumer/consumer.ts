// A consumer's TypeScript: type-checked by test/package with the consumer's own tsc against the
// installed declarations. The @ts-expect-error lines fail the check if a type degrades to `any`.
import { BackupClient } from '@aws-sdk/client-backup';
import fc from 'fast-check';
import {
  createMock,
  loadBackupModel,
  mockClientConfig,
  serviceBehaviour,
  checkStubbedCalls,
  type BackupMock,
  type ServiceBehaviour,
  type StubViolation,
} from 'aws-backup-conformance';
import { validRequest, type ValidCase } from 'aws-backup-conformance/generators';
import {
  builtinTarget,
  runConformance,
  REPORTERS,
  type CheckId,
  type RunResult,
} from 'aws-backup-conformance/runner';
import { toJsonSchema, type ServiceModel } from 'aws-backup-conformance/spec';
import { mockHandlers, type HandlerOptions } from 'aws-backup-conformance/msw';

const model: ServiceModel = await loadBackupModel();
const behaviour: ServiceBehaviour = fc.sample(serviceBehaviour(model), 1)[0]!;
const mock: BackupMock = await createMock({ model, behaviour });
export const client = new BackupClient(mockClientConfig(mock));
export const drawn: ValidCase[] = fc.sample(validRequest(model, 'StartRestoreJob'), 1);
const checks: CheckId[] = ['pagination'];
export const result: Promise<RunResult> = runConformance({
  model,
  target: builtinTarget(mock, 1000),
  checks,
  runs: 1,
});
export const schema: object = toJsonSchema(model);
export const reporters: string[] = Object.keys(REPORTERS);
const options: HandlerOptions = { origin: 'https://backup.us-east-1.amazonaws.com' };
export const handlers = mockHandlers(mock, options);
export const violations: Promise<StubViolation[]> = checkStubbedCalls({ calls: () => [] }, model);

// @ts-expect-error runs is a number
runConformance({ model, target: builtinTarget(mock, 1000), runs: 'many' });
// @ts-expect-error not a check id
export const wrong: CheckId = 'no-such-check';
// @ts-expect-error createMock's options are typed
await createMock({ clock: 'now' });
