// Fidelity of the derived spec, measured against AWS's official model of the same version.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../src/spec/derive.ts';
import { compare, type Agreement } from './oracle.ts';

const docs = (form: string) => join(import.meta.dirname, '../../spec/docs', form);
const overlay = join(import.meta.dirname, '../../spec/overlay/backup.json');

function report(label: string, a: Agreement): void {
  const pct = ((100 * a.agree) / a.total).toFixed(2);
  console.log(
    `${label}: ${a.agree}/${a.total} facts agree (${pct}%)` +
      (a.residue.length ? `\n  residue:\n    ${a.residue.join('\n    ')}` : '') +
      (a.notStated.length
        ? `\n  not stated by the pages (${a.notStated.length}): ${a.notStated.join(', ')}`
        : '') +
      (a.newerInSdk.length
        ? `\n  only in the installed SDK, newer than the oracle (${a.newerInSdk.length}): ` +
          a.newerInSdk.join(', ')
        : ''),
  );
}

describe('fidelity against the official Backup model', () => {
  it('RST pages alone (no SDK): every fact the pages state agrees', async () => {
    const { model } = await deriveModel(docs('rst'), { sdk: false });
    const a = compare(model, { docsOnly: true });
    report('rst, docs only', a);
    expect(a.total).toBeGreaterThan(3000);
    expect(a.residue).toEqual([]);
  });

  it('text pages ⊕ SDK: every fact agrees', async () => {
    const { model } = await deriveModel(docs('text'), { overlay });
    const a = compare(model, { docsOnly: false });
    report('text ⊕ sdk', a);
    expect(a.total).toBeGreaterThan(3000);
    expect(a.residue).toEqual([]);
  });

  it('RST pages ⊕ SDK (the shipped spec): every fact agrees', async () => {
    const { model } = await deriveModel(docs('rst'), { overlay });
    const a = compare(model, { docsOnly: false });
    report('rst ⊕ sdk', a);
    expect(a.residue).toEqual([]);
  });
});
