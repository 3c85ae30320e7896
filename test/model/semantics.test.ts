// Service semantics as sourced data: exceptions per operation, every list filter's meaning, status
// lifecycles; each fact checked against the model it describes (and the exceptions against AWS's own
// model, the test oracle).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rejectionVerdict } from '../../src/checks/types.ts';
import { expectationCoverage } from '../../src/emit/semantics-md.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { OverlayError } from '../../src/model/overlay.ts';
import { lifecycleOf, parseServiceFacts, serviceFacts } from '../../src/model/service-facts.ts';
import { listItem, serviceFactProblems, shapeAt } from '../../src/model/service-facts-check.ts';
import type { ServiceModel } from '../../src/model/types.ts';
import { expectationFor, expectedErrorFor } from '../../src/model/validate.ts';
import { parseViolationFacts, violationFacts } from '../../src/model/violations.ts';

const oracle = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/oracle/service-2.json'), 'utf8'),
) as { operations: Record<string, { errors?: { shape: string }[] }> };
let model: ServiceModel;
beforeAll(async () => {
  model = await loadBackupModel();
});
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('which exception answers which violation, per operation', () => {
  it('prints coverage: operations documenting an exception per kind, and those left to a convention', () => {
    const cov = expectationCoverage(model, violationFacts());
    const lines = Object.entries(cov.perKind).map(
      ([k, c]) => `${k.padEnd(17)} documented ${c.documented}/${cov.operations}, convention ${c.convention}`,
    );
    console.log(`expectations per kind (${cov.operations} operations):\n  ${lines.join('\n  ')}`);
    expect(cov.operations).toBe(109);
    for (const c of Object.values(cov.perKind)) expect(c.documented + c.convention).toBe(109);
    // every operation documenting one of the validation exceptions expects one of them for bad values
    expect(cov.perKind['bad-value']!.documented).toBeGreaterThan(100);
  });

  it("a documented expectation is one of the operation's own errors, as AWS's model lists them", () => {
    let compared = 0;
    for (const op of Object.values(model.operations)) {
      const theirs = oracle.operations[op.name]?.errors?.map((e) => e.shape);
      for (const k of violationFacts().kinds) {
        const e = expectationFor(k.kind, op);
        if (e.provenance !== 'documented') continue;
        expect(op.errors).toContain(e.error);
        if (theirs) {
          expect(theirs, `${op.name} ${k.kind}`).toContain(e.error);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('picks the operation’s own exception; a convention (with the reason) where it documents none', () => {
    const op = (name: string) => model.operations[name]!;
    // DescribeGlobalSettings documents InvalidRequestException only
    expect(expectationFor('required', op('DescribeGlobalSettings'))).toMatchObject({
      error: 'InvalidRequestException',
      provenance: 'documented',
    });
    // DescribeRegionSettings documents none of the validation exceptions
    const conv = expectationFor('pattern', op('DescribeRegionSettings'));
    expect(conv).toMatchObject({ error: 'InvalidParameterValueException', provenance: 'convention' });
    expect(conv.source).toMatch(/DescribeRegionSettings documents none of/);
    // a wrong type: both documented meanings fit, the other is named beside
    expect(expectationFor('wrong-type', op('StartRestoreJob'))).toMatchObject({
      error: 'InvalidParameterValueException',
      alsoDocumented: ['InvalidRequestException'],
    });
    expect(expectedErrorFor('required', op('DescribeGlobalSettings'))).toBe('InvalidRequestException');
    // and the checks accept either: judged as documented, no stricter
    const answer = (name: string) => ({ status: 400, headers: { 'x-amzn-errortype': name }, ms: 0 });
    const e = expectationFor('wrong-type', op('StartRestoreJob'));
    expect(rejectionVerdict(answer('InvalidRequestException'), e)).toBe('pass');
    expect(rejectionVerdict(answer('InvalidParameterValueException'), e)).toBe('pass');
    expect(rejectionVerdict(answer('ResourceNotFoundException'), e)).toBe('fail');
    expect(
      rejectionVerdict(answer('InvalidRequestException'), expectationFor('maximum', op('StartRestoreJob'))),
    ).toBe('fail');
    // the restore-job operations keep the answers the mock and the mutants rely on
    for (const name of ['StartRestoreJob', 'ListRestoreJobs', 'DescribeRestoreJob']) {
      expect(expectationFor('required', op(name)).error).toBe('MissingParameterValueException');
      expect(expectationFor('maximum', op(name)).error).toBe('InvalidParameterValueException');
      expect(expectationFor('malformed-json', op(name)).provenance).toBe('convention');
    }
  });

  it('a bad violations overlay is refused naming the file and the field', () => {
    const good = violationFacts();
    const doc = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../spec/overlay/violations.json'), 'utf8'),
    );
    expect(parseViolationFacts('v.json', doc).kinds.length).toBe(good.kinds.length);
    const bad: [unknown, string][] = [
      [{ ...doc, kinds: [{ ...doc.kinds[0], prefer: ['NoSuchException'] }] }, 'v.json: kinds[0].prefer[0]'],
      [
        { ...doc, exceptions: [{ ...doc.exceptions[0], source: 'http://x' }] },
        'v.json: exceptions[0].source',
      ],
      [{ ...doc, kinds: [doc.kinds[0], doc.kinds[0]] }, 'v.json: kinds[1].reportedAs[0]'],
      [{ ...doc, default: 'nope' }, 'v.json: default'],
    ];
    for (const [d, msg] of bad) {
      expect(() => parseViolationFacts('v.json', d)).toThrow(OverlayError);
      expect(() => parseViolationFacts('v.json', d)).toThrow(msg);
    }
  });
});

describe('every list filter has one fact, naming a real member and a real output field', () => {
  it('every By* member of the model has exactly one fact; each fact names a real member and field', () => {
    const facts = serviceFacts();
    const bys = Object.values(model.operations).flatMap((op) =>
      Object.keys(op.input.members ?? {})
        .filter((m) => m.startsWith('By'))
        .map((m) => `${op.name}.${m}`),
    );
    const keys = facts.filters.map((f) => `${f.operation}.${f.member}`);
    expect([...keys].sort()).toEqual([...bys].sort());
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of facts.filters) {
      const op = model.operations[f.operation]!;
      if (f.field === null) expect(f.notInOutput).toBeTruthy();
      else expect(shapeAt(listItem(op), f.field), `${f.operation}.${f.member} → ${f.field}`).toBeDefined();
      // the quoted sentence is the page's own: it is in the member's documented description
      expect(norm(op.input.members![f.member]!.description ?? '')).toContain(norm(f.states));
      expect(f.source).toBe(`https://docs.aws.amazon.com/aws-backup/latest/devguide/API_${f.operation}.html`);
      // before/after read a timestamp field, equals a scalar one
      if (f.field && f.match !== 'equals') expect(shapeAt(listItem(op), f.field)!.type).toBe('timestamp');
    }
    const byKind: Record<string, number> = {};
    for (const f of facts.filters) byKind[f.match] = (byKind[f.match] ?? 0) + 1;
    console.log(
      `filters: ${facts.filters.length} over ` +
        `${new Set(facts.filters.map((f) => f.operation)).size} listings; ` +
        Object.entries(byKind)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') +
        `; not in the output ${facts.filters.filter((f) => f.field === null).length}`,
    );
    expect(serviceFactProblems(model, facts)).toEqual([]);
  });

  it('a fact naming an unknown member or field, or a missing fact, is a problem naming the field', () => {
    const facts = serviceFacts();
    const broken = {
      ...facts,
      filters: [
        { ...facts.filters[0]!, member: 'ByNothing' },
        { ...facts.filters[1]!, field: 'NoSuchField' },
        ...facts.filters.slice(3),
      ],
    };
    const fields = serviceFactProblems(model, broken).map((p) => `${p.field}: ${p.expected}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^filters\[0\]\.member: a By\* input member/),
        expect.stringMatching(/^filters\[1\]\.field: a field of the items/),
        expect.stringMatching(/^filters: a fact for every By\* member/),
      ]),
    );
  });

  it('filter facts without a sentence, or with a null field and no reason, are refused', () => {
    const doc = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../spec/overlay/behaviour.json'), 'utf8'),
    );
    const f = doc.filters[0];
    const bad: [unknown, string][] = [
      [{ ...doc, filters: [{ ...f, states: '' }] }, 'b.json: filters[0].states'],
      [{ ...doc, filters: [{ ...f, field: null }] }, 'b.json: filters[0].notInOutput'],
      [{ ...doc, filters: [f, f] }, 'b.json: filters[1].member'],
      [
        { ...doc, lifecycles: [{ ...doc.lifecycles[0], terminal: ['GONE'] }] },
        'b.json: lifecycles[0].terminal[0]',
      ],
    ];
    for (const [d, msg] of bad) expect(() => parseServiceFacts('b.json', d)).toThrow(msg);
  });
});

describe('status lifecycles as data', () => {
  it('every lifecycle ranks exactly the documented statuses and names real operations', () => {
    const facts = serviceFacts();
    expect(facts.lifecycles.map((l) => l.resource)).toEqual(
      expect.arrayContaining(['RestoreJob', 'BackupJob', 'CopyJob', 'ScanJob', 'ReportJob', 'LegalHold']),
    );
    expect(serviceFactProblems(model, facts)).toEqual([]);
    const restore = lifecycleOf('RestoreJob')!;
    expect(restore.terminal).toEqual(['COMPLETED', 'FAILED', 'ABORTED']);
    expect(restore.ranks.PENDING).toBeLessThan(restore.ranks.RUNNING!);
    // a lifecycle missing a documented status is a problem
    const broken = {
      ...facts,
      lifecycles: facts.lifecycles.map((l) =>
        l.resource === 'BackupJob' ? { ...l, ranks: { CREATED: 0, COMPLETED: 1 } } : l,
      ),
    };
    expect(serviceFactProblems(model, broken).map((p) => p.field)).toContain(
      `lifecycles[${facts.lifecycles.findIndex((l) => l.resource === 'BackupJob')}].ranks`,
    );
    console.log(
      'lifecycles: ' +
        facts.lifecycles.map((l) => `${l.resource} (${Object.keys(l.ranks).length})`).join(', '),
    );
  });
});
