// Resource families: derived generically (shown on the synthetic Widgets service), and their coverage of
// the Backup model measured, with floors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.ts';
import { familyCoverage } from '../../src/model/family-coverage.ts';
import { deriveFamilies } from '../../src/model/families.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { OverlayError, parseOverlay } from '../../src/model/overlay.ts';
import { readPages } from '../../src/spec/derive.ts';
import { widgetsSdk } from '../fixtures/widgets/bindings.ts';

const widgets = join(import.meta.dirname, '../fixtures/widgets');
const source = 'https://docs.aws.amazon.com/widgets/latest/APIReference/API_LaunchRun.html';
const runFact = {
  operation: 'LaunchRun',
  family: 'Run',
  role: 'create',
  source,
  note: 'POST /run starts it.',
};

function widgetModel(resources?: unknown[]) {
  const doc = { service: 'Widgets', facts: [], ...(resources ? { resources } : {}) };
  const overlay = parseOverlay('widgets.json', doc);
  return buildModel({ pages: readPages(widgets), sdk: widgetsSdk, overlay }).model;
}

describe('resource families, derived from the bindings (synthetic Widgets service)', () => {
  it('finds create / read / list / update / delete, identifiers, parents and result keys', () => {
    const { families, unassigned } = deriveFamilies(widgetModel([runFact]));
    const by = Object.fromEntries(families.map((f) => [f.name, f]));
    expect(Object.keys(by).sort()).toEqual(['Gadget', 'Run', 'Settings', 'Widgets']);
    // a PUT on the item is the create where the collection has none; a bare `Name` names it by its collection
    expect(by.Widgets).toMatchObject({
      kind: 'collection',
      path: '/widgets/{Name}',
      identifier: 'Name',
      identifiers: ['Name'],
      create: ['PutWidget'],
      read: ['GetWidget'],
      list: ['ListWidgets'],
      update: [],
      delete: ['DeleteWidget'],
      other: ['PolishWidget'],
      resultKeys: { ListWidgets: 'Widgets' },
    });
    expect(by.Widgets!.parent).toBeUndefined();
    expect(by.Gadget).toMatchObject({
      path: '/widgets/{Name}/gadgets/{GadgetId}',
      identifier: 'GadgetId',
      identifiers: ['Name', 'GadgetId'],
      parent: 'Widgets',
      create: ['CreateGadget'],
      read: ['GetGadget'],
      update: ['UpdateGadget'],
      // a list on another path joins the family whose collection it names and whose identifier its
      // items carry
      list: ['ListGadgets', 'ListGadgetsByColour'],
      resultKeys: { ListGadgets: 'Gadgets', ListGadgetsByColour: 'Gadgets' },
      yieldedBy: ['CreateGadget', 'ListGadgets', 'ListGadgetsByColour'],
    });
    expect(by.Settings).toMatchObject({
      kind: 'singleton',
      path: '/settings',
      identifiers: [],
      read: ['GetSettings'],
      update: ['PutSettings'],
    });
    expect(by.Run).toMatchObject({
      create: ['LaunchRun'],
      read: ['DescribeRun'],
      list: ['ListRuns'],
      corrections: [{ operation: 'LaunchRun', role: 'create', source }],
    });
    expect(unassigned).toEqual(['Ping']);
  });

  it('without the overlay fact, the run started at a singular path belongs to no family', () => {
    const { families, unassigned } = deriveFamilies(widgetModel());
    expect(families.find((f) => f.name === 'Run')!.create).toEqual([]);
    expect(unassigned).toEqual(['LaunchRun', 'Ping']);
  });

  it('an overlay fact naming a family the model does not derive is an error naming file and field', () => {
    expect(() => widgetModel([{ ...runFact, family: 'Sprocket' }])).toThrow(OverlayError);
    const bad = (change: object) => () => widgetModel([{ ...runFact, ...change }]);
    expect(bad({ family: 'Sprocket' })).toThrow(
      /widgets\.json: resources\[0\]\.family: expected a family the model derives \(Gadget, Run/,
    );
    expect(bad({ role: 'launch' })).toThrow(/resources\[0\]\.role: expected one of create, read, list/);
    expect(bad({ source: 'https://example.com/' })).toThrow(/resources\[0\]\.source/);
    expect(bad({ operation: 'Nope' })).toThrow(/resources\[0\]\.operation: expected an operation of the/);
  });

  it("a URI fact gives another client's URI; one whose labels are not the operation's is an error", () => {
    const uri = (u: string) => {
      const uris = [{ operation: 'GetGadget', client: 'botocore', uri: u, source }];
      const overlay = parseOverlay('w.json', { service: 'Widgets', facts: [], uris });
      return buildModel({ pages: readPages(widgets), sdk: widgetsSdk, overlay }).model;
    };
    expect(uri('/widgets/{Name}/gadgets/{GadgetId}/').operations.GetGadget!.clientUris).toEqual([
      {
        client: 'botocore',
        uri: '/widgets/{Name}/gadgets/{GadgetId}/',
        provenance: [{ source: 'api-reference', url: source, overlay: 'w.json' }],
      },
    ]);
    expect(() => uri('/widgets/{Name}/gadgets/{Id}/')).toThrow(
      /w\.json: uris\[0\]\.uri: expected the labels of GetGadget's URI/,
    );
    expect(() => uri('widgets')).toThrow(/uris\[0\]\.uri: expected a URI template starting with \//);
  });

  it('the derivation knows no operation of any service by name', async () => {
    const backup = Object.keys((await loadBackupModel()).operations);
    const names = [...backup, ...[...widgetsSdk.operations.values()].map((o) => o.name)];
    for (const f of ['families.ts', 'family-coverage.ts', 'overlay-resources.ts']) {
      const src = readFileSync(join(import.meta.dirname, '../../src/model', f), 'utf8');
      expect(
        names.filter((n) => new RegExp(`\\b${n}\\b`).test(src)),
        f,
      ).toEqual([]);
    }
  });
});

describe('resource families of the Backup model: coverage', () => {
  it('prints coverage and holds the measured floors', async () => {
    const model = await loadBackupModel();
    const derived = deriveFamilies(model);
    const cov = familyCoverage(model, derived);
    console.log(
      `families: ${cov.families}; operations in a family: ${cov.inFamily}/${cov.operations} ` +
        `(${cov.corrected} placed by the overlay); roles ${JSON.stringify(cov.byRole)}\n` +
        `  in no family: ${cov.unassigned.join(', ')}\n` +
        `  required identifier inputs another operation outputs: ${cov.producible}/${cov.identifierInputs}` +
        `; not: ${cov.notProducible.join(', ')}`,
    );
    // Measured 98/109: the 11 outside are tags of any ARN (3), job summaries (4) and 4 stateless look-ups;
    // a floor of 98 means no family may be lost. 105/106 identifier inputs: only StartCopyJob's
    // SourceBackupVaultName is named so by no output (the vault's name is output as BackupVaultName).
    expect(cov.operations).toBe(109);
    expect(cov.inFamily).toBeGreaterThanOrEqual(98);
    expect(cov.families).toBeGreaterThanOrEqual(25);
    expect(cov.producible).toBeGreaterThanOrEqual(105);
    expect(cov.identifierInputs - cov.producible).toBeLessThanOrEqual(1);
    // every family that can be listed says where a page's items are
    for (const f of derived.families) {
      for (const l of f.list) expect(f.resultKeys[l], `${f.name}.${l}`).toMatch(/^\w+$/);
    }
  });

  it('derives the families the AWS API Reference describes', async () => {
    const { families } = deriveFamilies(await loadBackupModel());
    const by = Object.fromEntries(families.map((f) => [f.name, f]));
    expect(by.BackupVault).toMatchObject({
      create: ['CreateBackupVault', 'CreateLogicallyAirGappedBackupVault'],
      read: ['DescribeBackupVault'],
      list: ['ListBackupVaults'],
      delete: ['DeleteBackupVault'],
      arn: 'BackupVaultArn',
    });
    expect(by.Selection).toMatchObject({
      parent: 'BackupPlan',
      identifiers: ['BackupPlanId', 'SelectionId'],
      resultKeys: { ListBackupSelections: 'BackupSelectionsList' },
    });
    expect(by.RecoveryPoint).toMatchObject({
      parent: 'BackupVault',
      identifiers: ['BackupVaultName', 'RecoveryPointArn'],
      read: ['DescribeRecoveryPoint'],
      delete: ['DeleteRecoveryPoint'],
    });
    expect(by.RestoreJob).toMatchObject({
      create: ['StartRestoreJob'],
      read: ['DescribeRestoreJob'],
      list: ['ListRestoreJobs', 'ListRestoreJobsByProtectedResource'],
    });
    expect(by.ScanJob!.create).toEqual(['StartScanJob']);
    expect(by.ReportJob).toMatchObject({
      create: ['StartReportJob'],
      read: ['DescribeReportJob'],
      list: ['ListReportJobs'],
    });
    expect(by.RestoreAccessBackupVault!.parent).toBe('BackupVault');
    const page = /^https:\/\/docs\.aws\.amazon\.com\/aws-backup\/latest\/devguide\/API_\w+\.html$/;
    for (const f of families) for (const c of f.corrections) expect(c.source).toMatch(page);
  });
});
