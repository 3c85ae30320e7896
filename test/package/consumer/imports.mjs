// A consumer's plain JavaScript: the root and every subpath, imported by name and used. Run by
// test/package with `node imports.mjs without-msw|with-msw`, from another working directory.
import assert from 'node:assert/strict';
import { BackupClient, ListRestoreJobsCommand } from '@aws-sdk/client-backup';
import fc from 'fast-check';

const fns = (mod, names) => {
  for (const n of names) assert.equal(typeof mod[n], 'function', `export ${n}`);
};

const root = await import('aws-backup-conformance');
fns(root, [
  'createMock',
  'mockClientConfig',
  'loadBackupModel',
  'serviceBehaviour',
  'checkStubbedCalls',
  'assertStubsConform',
  'outputViolations',
  'errorViolations',
  'directRequestHandler',
  'ManualClock',
  'serve',
  'behaviourProblems',
]);
const generators = await import('aws-backup-conformance/generators');
fns(generators, [
  'validRequest',
  'invalidRequest',
  'validResponse',
  'wireResponse',
  'errorResponse',
  'boundaryCases',
  'serviceBehaviour',
]);
const runner = await import('aws-backup-conformance/runner');
fns(runner, [
  'runConformance',
  'builtinTarget',
  'selectTarget',
  'endpointTarget',
  'writeReports',
  'tally',
  'renderJunit',
  'renderMarkdown',
  'renderHtml',
  'renderJson',
  'renderGithubAnnotations',
  'renderGithubSummary',
]);
assert.ok(runner.ALL_CHECKS.includes('pagination'));
assert.deepEqual(Object.keys(runner.REPORTERS).sort(), ['github', 'html', 'json', 'junit', 'md']);
const spec = await import('aws-backup-conformance/spec');
fns(spec, [
  'parsePage',
  'buildModel',
  'deriveModel',
  'readPages',
  'toJsonSchema',
  'toOpenApi',
  'driftMarkdown',
  'validatorFor',
  'loadSdk',
]);
const schema = await import('aws-backup-conformance/backup.schema.json', { with: { type: 'json' } });
assert.ok(schema.default.$defs.StartRestoreJobInput);

// the model is found beside the installed package, whatever the working directory
const model = await root.loadBackupModel();
assert.ok(model.operations.StartRestoreJob);
const [drawn] = fc.sample(generators.validRequest(model, 'StartRestoreJob'), { numRuns: 1, seed: 1 });
assert.equal(drawn.operation, 'StartRestoreJob');
const mock = await root.createMock({ model });
const listed = await new BackupClient(root.mockClientConfig(mock)).send(new ListRestoreJobsCommand({}));
assert.ok(Array.isArray(listed.RestoreJobs));
const result = await runner.runConformance({
  model,
  target: runner.builtinTarget(mock, 5000),
  runs: 3,
  seed: 1,
  operations: runner.RESTORE_OPERATIONS,
  recoveryPoints: mock.store.recoveryPoints().map((p) => p.arn),
});
assert.equal(runner.tally(result).failed, 0, runner.renderMarkdown(result));

if (process.argv[2] === 'without-msw') {
  await assert.rejects(import('aws-backup-conformance/msw'), (e) => {
    assert.equal(e.code, 'E_MSW_MISSING');
    assert.match(e.message, /optional peer dependency.*npm install --save-dev msw@2/);
    return true;
  });
} else {
  const { mockHandlers, mockRequestHandler } = await import('aws-backup-conformance/msw');
  const { setupServer } = await import('msw/node');
  const server = setupServer(...mockHandlers(mock, { origin: 'https://backup.us-east-1.amazonaws.com' }));
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const client = new BackupClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
    });
    assert.ok(Array.isArray((await client.send(new ListRestoreJobsCommand({}))).RestoreJobs));
  } finally {
    server.close();
  }
  const viaGetResponse = new BackupClient({
    ...root.mockClientConfig(mock),
    requestHandler: mockRequestHandler(mock),
  });
  assert.ok(Array.isArray((await viaGetResponse.send(new ListRestoreJobsCommand({}))).RestoreJobs));
}
console.log(`imports ok (${process.argv[2]})`);
