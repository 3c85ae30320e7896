// The consumer's own vitest settings: property tests of 100 runs each take longer than vitest's default
// 5 s on a busy CI machine.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { testTimeout: 120_000 } });
