import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  // the package's own name resolves to its sources (as tsconfig.json's paths do), so tests import it as
  // users do without a build; test/package checks the built package
  resolve: {
    alias: [
      { find: /^aws-backup-conformance$/, replacement: source('./src/index.ts') },
      { find: /^aws-backup-conformance\/generators$/, replacement: source('./generators/index.ts') },
      { find: /^aws-backup-conformance\/(runner|spec|msw)$/, replacement: source('./src/entries/$1.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    testTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
