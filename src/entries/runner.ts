// aws-backup-conformance/runner: the conformance suite as a library — run it against a target, pick
// checks, render or write the reports (what the CLI's `run` does, for a CI integration of one's own).
export { runConformance, RESTORE_OPERATIONS, type RunOptions } from '../runner/run.ts';
export type {
  RunResult,
  RunEvent,
  Cell,
  CellStatus,
  FailureDetail,
  OperationVerdict,
  OperationVerdictKind,
} from '../runner/types.ts';
export { selectOperations, OperationsError } from '../runner/plan.ts';
export { ALL_CHECKS, EXCHANGE_CHECKS, SCENARIO_CHECKS } from '../checks/index.ts';
export type { CheckId, Exchange, ExchangeCheck, Finding, ScenarioCheck } from '../checks/index.ts';
export { builtinTarget, selectTarget, type SelectOptions, type SelectedTarget } from '../targets/select.ts';
export {
  endpointTarget,
  fetchFunctionTarget,
  type FetchFn,
  type FetchTargetOptions,
} from '../targets/fetch-target.ts';
export { awsTarget, TargetConfigError, type AwsTargetOptions } from '../targets/aws.ts';
export type { Target, Observed, HttpCall } from '../targets/types.ts';
export { REPORTERS, renderJson, tally, type Reporter } from '../report/reporters.ts';
export { renderJunit } from '../report/junit.ts';
export { renderMarkdown } from '../report/markdown.ts';
export { renderHtml } from '../report/html.ts';
export { renderGithubAnnotations, renderGithubSummary, type AnnotationOptions } from '../report/github.ts';
export { writeReports } from '../report/write.ts';
