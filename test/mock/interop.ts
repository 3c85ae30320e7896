// Where the independent clients are: skip with a message when a machine lacks them.
import { execFileSync } from 'node:child_process';

export function has(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

export const HAS_AWS_CLI = has('aws', ['--version']);
export const HAS_BOTO3 = has('python3', ['-c', 'import boto3']);
export const AWS_ENV = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_REGION: 'us-east-1',
  AWS_PAGER: '',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
};

export function skipNote(what: string, present: boolean): void {
  if (!present) console.warn(`skipped: ${what} is not installed on this machine`);
}
