#!/usr/bin/env node
// The command line, as installed: runs the compiled JavaScript in dist/ (built by `npm run build`, which
// `npm ci` runs through `prepare`), with no loader.
import { existsSync } from 'node:fs';
import { staleBuild } from './stale-build.js';

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(`aws-backup-conformance: ${cli.pathname} is missing: run \`npm run build\` first\n`);
  process.exit(2);
}
const stale = staleBuild();
if (stale) {
  process.stderr.write(`aws-backup-conformance: dist/ is out of date (${stale}): run \`npm run build\`\n`);
  process.exit(2);
}
// the toolkit pins its SDK; the SDK's notice of its own future Node requirement is not the user's to act on
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
