#!/usr/bin/env node
// Thin launcher: registers tsx so the TypeScript sources run as shipped, then hands over to the CLI.
import { register } from 'tsx/esm/api';

// the toolkit pins its SDK; the SDK's notice about its own future Node requirement is not the user's to act on
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
