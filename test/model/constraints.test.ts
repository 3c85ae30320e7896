// Constraints neither page form nor the SDK states (ranges, name patterns, lengths), from the overlay with
// the API Reference page of each: merged into the model, so the validator, generators and mock see them;
// compared with AWS's own model (the test oracle).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBackupModel } from '../../src/model/load.ts';
import type { ServiceModel } from '../../src/model/types.ts';
import { validatorFor } from '../../src/model/validate.ts';

type OracleShape = {
  type: string;
  min?: number;
  max?: number;
  pattern?: string;
  members?: Record<string, { shape: string }>;
};
const oracle = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/oracle/service-2.json'), 'utf8'),
) as {
  operations: Record<string, { input?: { shape: string } }>;
  shapes: Record<string, OracleShape>;
};
let model: ServiceModel;
beforeAll(async () => {
  model = await loadBackupModel();
});

describe('input constraints from the API Reference (overlay)', () => {
  it('every top-level input constraint AWS states is in the model, each with its API Reference page', () => {
    let stated = 0;
    const missing: string[] = [];
    for (const [name, o] of Object.entries(oracle.operations)) {
      const op = model.operations[name];
      if (!op || !o.input) continue;
      for (const [m, ref] of Object.entries(oracle.shapes[o.input.shape]!.members ?? {})) {
        const s = oracle.shapes[ref.shape]!;
        if (s.min === undefined && s.max === undefined && s.pattern === undefined) continue;
        stated++;
        const mine = op.input.members?.[m]?.shape;
        const min = s.type === 'string' ? mine?.minLength : mine?.min;
        const max = s.type === 'string' ? mine?.maxLength : mine?.max;
        const ok =
          mine &&
          (s.min === undefined || min === s.min) &&
          (s.max === undefined || max === s.max) &&
          (s.pattern === undefined || mine.pattern !== undefined) &&
          mine.provenance.some((p) => p.source === 'api-reference' && p.url.includes(`API_${name}.html`));
        if (!ok) missing.push(`${name}.${m}`);
      }
    }
    console.log(
      `top-level input constraints: ${stated - missing.length}/${stated} in the model from the overlay`,
    );
    expect(missing).toEqual([]);
    expect(stated).toBeGreaterThan(90);
  });

  it('every paginated listing bounds MaxResults, and the validator refuses what the range excludes', () => {
    const v = validatorFor(model);
    const limited = Object.values(model.operations).filter((op) => op.paginated?.limitKey);
    for (const op of limited) {
      const key = op.paginated!.limitKey!;
      const s = op.input.members![key]!.shape;
      expect([s.min, s.max], `${op.name}.${key}`).toEqual([1, 1000]);
      const required = Object.values(op.input.members ?? {}).filter((m) => m.required && m.name !== key);
      if (required.length) continue; // a value for each required member is another test's business
      expect(v.input(op, { [key]: 1000 })).toEqual([]);
      expect(v.input(op, { [key]: 1001 }).map((x) => x.keyword)).toEqual(['maximum']);
      expect(v.input(op, { [key]: 0 }).map((x) => x.keyword)).toEqual(['minimum']);
    }
    console.log(`MaxResults bounded on ${limited.length} listings`);
  });

  it('name patterns are enforced: a vault name with a space, a framework name starting with a digit', () => {
    const v = validatorFor(model);
    const vault = model.operations.CreateBackupVault!;
    expect(v.input(vault, { BackupVaultName: 'my vault' }).map((x) => x.keyword)).toContain('pattern');
    expect(v.input(vault, { BackupVaultName: 'my-vault_1' })).toEqual([]);
    const fw = model.operations.DescribeFramework!;
    // unanchored, as documented: a name with a letter in it matches
    expect(v.input(fw, { FrameworkName: '1abc' }).map((x) => x.keyword)).toEqual([]);
    expect(v.input(fw, { FrameworkName: '' }).map((x) => x.keyword)).toContain('minLength');
    expect(v.input(fw, { FrameworkName: 'a'.repeat(257) }).map((x) => x.keyword)).toContain('maxLength');
  });
});
