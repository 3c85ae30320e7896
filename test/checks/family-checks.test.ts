// The crud and unknown-resource judges: pure functions of a recorded sequence.
import { describe, expect, it } from 'vitest';
import { checkCrud, differences, type CrudRecord } from '../../src/checks/crud.ts';
import { checkUnknownResource } from '../../src/checks/unknown-resource.ts';
import type { Observed } from '../../src/targets/types.ts';
import { err, ok } from './observed.ts';

const record = (over: Partial<CrudRecord> = {}): CrudRecord => ({
  family: 'Thing',
  id: 't-1',
  create: { operation: 'CreateThing', input: { ThingName: 't-1', Size: 3, Tags: ['a', 'b'] } },
  reads: [
    {
      operation: 'GetThing',
      after: 'create',
      observed: ok({ ThingName: 't-1', Size: 3, Tags: ['b', 'a'], Extra: 1 }),
    },
    { operation: 'GetThing', after: 'update', observed: ok({ ThingName: 't-1', Size: 9 }) },
    { operation: 'GetThing', after: 'delete', observed: err('ResourceNotFoundException') },
  ],
  listings: [
    { operation: 'ListThings', after: 'create', ids: ['t-0', 't-1'] },
    { operation: 'ListThings', after: 'delete', ids: ['t-0'] },
  ],
  update: { operation: 'UpdateThing', input: { ThingName: 't-1', Size: 9 }, observed: ok() },
  delete: { operation: 'DeleteThing', observed: ok() },
  gone: { GetThing: { error: 'ResourceNotFoundException', provenance: 'documented' } },
  ...over,
});

describe('crud', () => {
  it('passes a target that reads, lists, updates and deletes as it was told', () => {
    expect(checkCrud(record())).toEqual([]);
  });

  it('compares only what both carry; lists as sets; dates by instant', () => {
    expect(differences({ a: 1, b: [1, 2] }, { b: [2, 1, 3] })).toEqual([]);
    expect(differences({ d: new Date(1000) }, { d: new Date(1000) })).toEqual([]);
    expect(differences({ a: 1 }, { a: 2 })).toEqual(['a = 2, created with 1']);
    expect(differences({ n: { x: 'y' } }, { n: { x: 'z' } })).toEqual(['n.x = "z", created with "y"']);
  });

  it('a read with other values, an update not seen, a deleted item still there are each found', () => {
    const stale = record();
    stale.reads[0] = { operation: 'GetThing', after: 'create', observed: ok({ Size: 4 }) };
    stale.reads[1] = { operation: 'GetThing', after: 'update', observed: ok({ Size: 3 }) };
    stale.reads[2] = { operation: 'GetThing', after: 'delete', observed: ok({ Size: 3 }) };
    stale.listings[1] = { operation: 'ListThings', after: 'delete', ids: ['t-1'] };
    stale.listings[0] = { operation: 'ListThings', after: 'create', ids: [] };
    const f = checkCrud(stale);
    expect(f.map((x) => [x.operation, x.received])).toEqual([
      ['GetThing', 'GetThing: Size = 4, created with 3'],
      ['UpdateThing', 'GetThing: Size = 3, created with 9'],
      ['DeleteThing', 'GetThing after the delete answered HTTP 200'],
      ['ListThings', 'ListThings does not list the Thing t-1 just created (0 listed)'],
      ['DeleteThing', 'ListThings still lists the Thing t-1 after the delete'],
    ]);
    expect(f.every((x) => x.check === 'crud')).toBe(true);
  });

  it('a read after delete with another exception fails where the not-found one is documented', () => {
    const r = record();
    r.reads[2] = { operation: 'GetThing', after: 'delete', observed: err('InvalidRequestException') };
    expect(checkCrud(r)).toHaveLength(1);
    r.gone = { GetThing: { error: 'ResourceNotFoundException', provenance: 'convention' } };
    expect(checkCrud(r)).toEqual([]);
  });
});

describe('unknown-resource', () => {
  const base = { operation: 'GetThing', identifiers: { ThingName: 'absent' } };
  it('passes the documented not-found exception, fails a 2xx and another exception', () => {
    const documented = { error: 'ResourceNotFoundException', provenance: 'documented' as const };
    expect(
      checkUnknownResource({ ...base, observed: err('ResourceNotFoundException'), expected: documented }),
    ).toEqual([]);
    expect(checkUnknownResource({ ...base, observed: ok(), expected: documented })[0]!.received).toBe(
      'accepted: HTTP 200',
    );
    expect(
      checkUnknownResource({ ...base, observed: err('InvalidRequestException'), expected: documented }),
    ).toHaveLength(1);
  });

  it('where the operation documents none, any named client error passes with a note', () => {
    const convention = { error: 'ResourceNotFoundException', provenance: 'convention' as const };
    const f = checkUnknownResource({
      ...base,
      observed: err('InvalidRequestException'),
      expected: convention,
    });
    expect(f).toHaveLength(1);
    expect(f[0]!.note).toBe(true);
    expect(
      checkUnknownResource({ ...base, observed: err('X', 500), expected: convention })[0]!.note,
    ).toBeUndefined();
    // no not-found documented: a success (an idempotent delete) is plausible, noted and not a finding
    const accepted = checkUnknownResource({ ...base, observed: ok(), expected: convention });
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.note).toBe(true);
    expect(accepted[0]!.received).toBe('accepted: HTTP 200');
  });
});

describe('positive-acceptance and state', () => {
  const title =
    'a conflict the operation documents is state, not a rejection; one it does not document fails';
  it(title, async () => {
    const { positiveAcceptance } = await import('../../src/checks/positive-acceptance.ts');
    const { loadBackupModel } = await import('../../src/model/load.ts');
    const model = await loadBackupModel();
    const x = (operation: string, observed: Observed) => ({
      operation,
      case: { operation, mode: 'positive' as const, input: {} },
      channel: 'sdk' as const,
      observed,
    });
    expect(positiveAcceptance.run(x('CreateBackupVault', err('AlreadyExistsException')), model)).toEqual([]);
    // DescribeBackupVault documents no AlreadyExistsException
    expect(
      positiveAcceptance.run(x('DescribeBackupVault', err('AlreadyExistsException')), model),
    ).toHaveLength(1);
    expect(
      positiveAcceptance.run(x('CreateBackupVault', err('InvalidParameterValueException')), model),
    ).toHaveLength(1);
  });
});
