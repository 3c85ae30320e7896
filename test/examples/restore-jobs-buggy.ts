// Plausible mistakes in the same wrappers; the harness must catch each with a small counterexample.
import {
  DescribeRestoreJobCommand,
  ListRestoreJobsCommand,
  type BackupClient,
  type DescribeRestoreJobCommandOutput,
  type RestoreJobsListMember,
} from '@aws-sdk/client-backup';
import {
  RestoreFailedError,
  RestoreTimeoutError,
  type RestoreJobFilter,
  type WaitOptions,
} from './restore-jobs.ts';

/** Stops at the first empty page, even when it still carries a NextToken. */
export async function listAllRestoreJobsStopsAtEmptyPage(
  client: BackupClient,
  filter: RestoreJobFilter = {},
): Promise<RestoreJobsListMember[]> {
  const jobs: RestoreJobsListMember[] = [];
  let NextToken: string | undefined;
  for (;;) {
    const page = await client.send(new ListRestoreJobsCommand({ ...filter, NextToken }));
    const items = page.RestoreJobs ?? [];
    if (items.length === 0) break; // "no more jobs"
    jobs.push(...items);
    NextToken = page.NextToken;
    if (!NextToken) break;
  }
  return jobs;
}

/** Treats ABORTED as still running: only FAILED counts as a failure. */
export async function waitForRestoreIgnoresAborted(
  client: BackupClient,
  restoreJobId: string,
  o: WaitOptions = {},
): Promise<DescribeRestoreJobCommandOutput> {
  const { sleep = async () => {}, baseDelayMs = 1000, maxDelayMs = 30_000, maxPolls = 60 } = o;
  for (let poll = 0; poll < maxPolls; poll++) {
    const job = await client.send(new DescribeRestoreJobCommand({ RestoreJobId: restoreJobId }));
    if (job.Status === 'COMPLETED') return job;
    if (job.Status === 'FAILED') throw new RestoreFailedError(restoreJobId, job.Status, job.StatusMessage);
    await sleep(Math.min(maxDelayMs, baseDelayMs * 2 ** poll));
  }
  throw new RestoreTimeoutError(restoreJobId, maxPolls);
}
