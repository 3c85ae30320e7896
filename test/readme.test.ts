// The README's copy-paste examples are files the test suite runs, verbatim.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

test('the README shows test/examples/readme-example.test.ts as it is run', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const example = readFileSync(new URL('./examples/readme-example.test.ts', import.meta.url), 'utf8');
  expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
});
