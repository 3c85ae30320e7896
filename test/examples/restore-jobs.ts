// Two wrappers a team might write around the SDK — the code under test in the worked example.
import {
  DescribeRestoreJobCommand,
  ListRestoreJobsCommand,
  type BackupClient,
  type DescribeRestoreJobCommandOutput,
  type ListRestoreJobsCommandInput,
  type RestoreJobsListMember,
} from '@aws-sdk/client-backup';

export type RestoreJobFilter = Omit<ListRestoreJobsCommandInput, 'NextToken' | 'MaxResults'>;

/** Every restore job matching the filter: follows NextToken to the end. */
export async function listAllRestoreJobs(
  client: BackupClient,
  filter: RestoreJobFilter = {},
): Promise<RestoreJobsListMember[]> {
  const jobs: RestoreJobsListMember[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListRestoreJobsCommand({ ...filter, NextToken }));
    jobs.push(...(page.RestoreJobs ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return jobs;
}

export class RestoreFailedError extends Error {
  constructor(
    readonly restoreJobId: string,
    readonly status: string,
    detail?: string,
  ) {
    super(`restore job ${restoreJobId} ended ${status}${detail ? `: ${detail}` : ''}`);
  }
}

export class RestoreTimeoutError extends Error {
  constructor(
    readonly restoreJobId: string,
    polls: number,
  ) {
    super(`restore job ${restoreJobId} had not finished after ${polls} polls`);
  }
}

export interface WaitOptions {
  sleep?: (ms: number) => Promise<void>;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxPolls?: number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls DescribeRestoreJob with exponential backoff until the job ends: resolves on COMPLETED,
 * throws RestoreFailedError on FAILED or ABORTED, RestoreTimeoutError after maxPolls. */
export async function waitForRestore(
  client: BackupClient,
  restoreJobId: string,
  o: WaitOptions = {},
): Promise<DescribeRestoreJobCommandOutput> {
  const { sleep = realSleep, baseDelayMs = 1000, maxDelayMs = 30_000, maxPolls = 60 } = o;
  for (let poll = 0; poll < maxPolls; poll++) {
    const job = await client.send(new DescribeRestoreJobCommand({ RestoreJobId: restoreJobId }));
    if (job.Status === 'COMPLETED') return job;
    if (job.Status === 'FAILED' || job.Status === 'ABORTED')
      throw new RestoreFailedError(restoreJobId, job.Status, job.StatusMessage);
    await sleep(Math.min(maxDelayMs, baseDelayMs * 2 ** poll));
  }
  throw new RestoreTimeoutError(restoreJobId, maxPolls);
}
