// What the mock says of its coverage (the started banner, `mock --help`): every operation is served,
// either by a stateful family or from the request alone, and the banner names both lists.
import { describe, expect, it } from 'vitest';
import { banner } from '../../src/mock/banner.ts';
import { createMock } from '../../src/mock/index.ts';
import { coverage } from '../../src/mock/resources/registry.ts';
import { deriveFamilies } from '../../src/model/families.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { main } from '../../src/cli.ts';

describe('the mock coverage', () => {
  it('every operation is in a stateful family or stateless, never both; the banner lists both', async () => {
    const model = await loadBackupModel();
    const c = coverage(model);
    const families = deriveFamilies(model).families.filter((f) => c.stateful.includes(f.name));
    const stateful = new Set(
      families.flatMap((f) => [...f.create, ...f.read, ...f.list, ...f.update, ...f.delete, ...f.other]),
    );
    for (const name of c.tagging) stateful.add(name);
    for (const name of Object.keys(model.operations))
      expect(stateful.has(name) !== c.stateless.includes(name), name).toBe(true);
    expect(c.tagging).toEqual(['TagResource', 'UntagResource', 'ListTags']);
    // what has no create (recovery points, protected resources) and what is in no family is stateless
    expect(c.stateless.length).toBeGreaterThan(10);
    expect(c.stateful.length).toBeGreaterThan(10);
    const mock = await createMock({ model });
    const text = banner('http://127.0.0.1:1', [], 0, mock.coverage);
    for (const name of [...c.stateful, ...c.stateless, ...c.tagging]) expect(text).toContain(name);
  });

  it('mock --help says which operations keep state and which answer from the request alone', async () => {
    let text = '';
    const write = (s: string) => {
      text += s;
      return true;
    };
    const out = { write } as unknown as Parameters<typeof main>[1];
    expect(await main(['mock', '--help'], out)).toBe(0);
    expect(text).toMatch(/every operation/i);
    expect(text).toMatch(/from the request alone/);
  });
});
