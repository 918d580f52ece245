/** What only the file adapter does: the XML it writes, reading what Excel writes, files on disk. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Plan } from '../../../src/core/snapshot';
import { WorkbookError } from '../../../src/workbook/errors';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/XlsxWorkbook';

async function part(bytes: Uint8Array, name: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(name);
  if (!file) throw new Error(`no ${name} in the zip`);
  return file.async('string');
}

async function written(plan: Plan): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  await wb.apply(plan);
  return wb.toBuffer();
}

async function excelBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('xlsx adapter: what goes into the file', () => {
  test('newer functions carry _xlfn. in the sheet XML, formulas have no cached <v>, and read back without the prefix', async () => {
    const bytes = await written({
      ops: [
        { kind: 'addSheet', sheet: 'S' },
        {
          kind: 'setCells',
          sheet: 'S',
          cell: 'A1',
          cells: [
            [
              { formula: '=AGGREGATE(14,6,B1:B3,1)' },
              { formula: '=SUM(B1:B3)' },
              { formula: '=IFS(B1>0,"ja",TRUE,"nee")' },
              { formula: '=FILTER(B1:B3,B1:B3>0)' },
            ],
          ],
        },
      ],
    });
    const xml = await part(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<f>_xlfn.AGGREGATE(14,6,B1:B3,1)</f>');
    expect(xml).toContain('<f>SUM(B1:B3)</f>');
    expect(xml).toContain('<f>_xlfn.IFS(B1&gt;0,&quot;ja&quot;,TRUE,&quot;nee&quot;)</f>');
    expect(xml).toContain('<f>_xlfn._xlws.FILTER(B1:B3,B1:B3&gt;0)</f>');
    expect(xml).not.toMatch(/<v>/);
    const back = (await (await XlsxWorkbook.fromBuffer(bytes)).readSnapshot()).sheets[0];
    expect(back.formulas![0]).toEqual(['=AGGREGATE(14,6,B1:B3,1)', '=SUM(B1:B3)', '=IFS(B1>0,"ja",TRUE,"nee")', '=FILTER(B1:B3,B1:B3>0)']);
  });

  test('the workbook asks Excel to recalculate on open and names its creator', async () => {
    const bytes = await written({ ops: [{ kind: 'addSheet', sheet: 'S' }] });
    expect(await part(bytes, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(await part(bytes, 'docProps/core.xml')).toContain('<dc:creator>Koppelkansen Kiezen</dc:creator>');
  });

  test('text that looks like a formula is stored as a string, not as a formula', async () => {
    const bytes = await written({
      ops: [
        { kind: 'addSheet', sheet: 'S' },
        { kind: 'setCells', sheet: 'S', cell: 'A1', cells: [[{ text: '=1+1' }, { text: '00123' }]] },
      ],
    });
    const xml = await part(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toContain('<f>');
    expect(xml).toMatch(/<c r="A1"[^>]*t="s"/);
    expect(await part(bytes, 'xl/sharedStrings.xml')).toContain('<t>=1+1</t>');
  });

  test('validations are written with Dutch texts, error style stop or warning, and the error message switched on', async () => {
    const bytes = await written({
      ops: [
        { kind: 'addSheet', sheet: 'S' },
        {
          kind: 'setValidation',
          sheet: 'S',
          range: 'C6:J105',
          rule: { type: 'wholeNumber', min: -10, max: 10, errorTitle: 'Ongeldige score', errorMessage: 'Vul een heel getal in.', strict: true },
        },
        {
          kind: 'setValidation',
          sheet: 'S',
          range: 'B6:B105',
          rule: {
            type: 'list',
            source: '=UNIQUE(A1:A9)',
            prompt: 'Kies een koppelkans.',
            errorTitle: 'Niet in de lijst',
            errorMessage: 'Kies uit de lijst.',
            strict: false,
          },
        },
      ],
    });
    const xml = await part(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(
      /<dataValidation type="whole"[^>]*showErrorMessage="1"[^>]*errorStyle="stop"[^>]*errorTitle="Ongeldige score"[^>]*sqref="C6:J105"><formula1>-10<\/formula1><formula2>10<\/formula2>/,
    );
    expect(xml).toMatch(
      /<dataValidation type="list"[^>]*showInputMessage="1"[^>]*prompt="Kies een koppelkans."[^>]*errorStyle="warning"[^>]*sqref="B6:B105"><formula1>_xlfn.UNIQUE\(A1:A9\)<\/formula1>/,
    );
  });

  test('a hidden first sheet is not the active tab', async () => {
    const bytes = await written({
      ops: [
        { kind: 'addSheet', sheet: 'Lijsten', hidden: true },
        { kind: 'addSheet', sheet: 'Werkblad' },
      ],
    });
    const xml = await part(bytes, 'xl/workbook.xml');
    expect(xml).toMatch(/<sheet [^>]*name="Lijsten" state="hidden"/);
    expect(xml).toMatch(/<workbookView [^>]*activeTab="1"/);
  });

  test('a workbook without a visible sheet is refused when saving', async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply({ ops: [{ kind: 'addSheet', sheet: 'Lijsten', hidden: true }] });
    await expect(wb.toBuffer()).rejects.toThrow(WorkbookError);
  });
});

describe('xlsx adapter: reading what Excel and others write', () => {
  test('rich text, hyperlinks, dates, errors and cached formula results become plain snapshot values', async () => {
    const bytes = await excelBytes((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = { richText: [{ text: 'vet ', font: { bold: true } }, { text: 'en gewoon' }] };
      ws.getCell('A2').value = { text: 'Spoorboekje', hyperlink: 'https://example.org' };
      ws.getCell('A3').value = new Date(Date.UTC(2030, 11, 31));
      ws.getCell('A4').value = { error: '#DIV/0!' };
      ws.getCell('A5').value = { formula: 'B5*2', result: 42 };
      ws.getCell('A6').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('A7').value = { formula: '_xlfn.IFS(TRUE,"x")', result: 'x' };
    });
    const s = (await (await XlsxWorkbook.fromBuffer(bytes)).readSnapshot()).sheets[0];
    expect(s.values.map((r) => r[0])).toEqual(['vet en gewoon', 'Spoorboekje', 47848, '#DIV/0!', 42, '#DIV/0!', 'x']);
    expect(s.formulas!.map((r) => r[0])).toEqual([null, null, null, null, '=B5*2', '=1/0', '=IFS(TRUE,"x")']);
  });

  test('shared formulas come back as each cell’s own formula, and overwriting the first one keeps the others', async () => {
    const bytes = await excelBytes((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('B1').value = 1;
      ws.getCell('B2').value = 2;
      ws.getCell('B3').value = 3;
      ws.getCell('A1').value = { formula: 'B1*2', result: 2, shareType: 'shared', ref: 'A1:A3' } as ExcelJS.CellFormulaValue;
      ws.getCell('A2').value = { sharedFormula: 'A1', result: 4 };
      ws.getCell('A3').value = { sharedFormula: 'A1', result: 6 };
    });
    expect(await part(bytes, 'xl/worksheets/sheet1.xml')).toContain('t="shared"');
    const wb = await XlsxWorkbook.fromBuffer(bytes);
    const s = (await wb.readSnapshot()).sheets[0];
    expect(s.formulas!.map((r) => r[0])).toEqual(['=B1*2', '=B2*2', '=B3*2']);
    expect(s.values.map((r) => r[0])).toEqual([2, 4, 6]);
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'S', cell: 'A1', cells: [[{ text: 'weg' }]] }] });
    const back = (await (await XlsxWorkbook.fromBuffer(await wb.toBuffer())).readSnapshot()).sheets[0];
    expect(back.formulas!.map((r) => r[0])).toEqual([null, '=B2*2', '=B3*2']);
  });

  test('a validation on a whole column reads fast, is found, and is written back as one range', async () => {
    const bytes = await excelBytes((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 'kop';
      const dv = { type: 'list' as const, formulae: ['"To do,Bezig,Klaar"'], showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Status', error: 'Kies.' };
      for (const col of ['B', 'C', 'D', 'E', 'F', 'G'])
        (ws as unknown as { dataValidations: { add(a: string, d: unknown): void } }).dataValidations.add(`${col}1:${col}1048576`, dv);
    });
    const started = Date.now();
    const wb = await XlsxWorkbook.fromBuffer(bytes);
    expect(Date.now() - started).toBeLessThan(5000); // expanded per cell this takes minutes and gigabytes
    expect(wb.getValidation('S', 'C500000')).toMatchObject({ type: 'list', source: 'To do,Bezig,Klaar', strict: true });
    const snap = await wb.readSnapshot({ validationTargets: () => [{ sheet: 'S', range: 'B6:G105' }] });
    expect(snap.validations![0].rule).toMatchObject({ type: 'list', source: 'To do,Bezig,Klaar' });
    await wb.apply({
      ops: [
        { kind: 'setValidation', sheet: 'S', range: 'G2:G5', rule: { type: 'wholeNumber', min: 1, max: 3, errorTitle: 'x', errorMessage: 'y', strict: true } },
      ],
    });
    const xml = await part(await wb.toBuffer(), 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('sqref="B1:B1048576"');
    expect(xml).toContain('sqref="G2:G5"');
    expect(xml).toMatch(/sqref="G1 G6:G1048576"/); // G1 and everything below the new rule keep the old one, in one element
  });
});

describe('xlsx adapter: files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-xlsx-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writeFileAtomic replaces the target and leaves no temporary file', async () => {
    const file = path.join(dir, 'uit.xlsx');
    fs.writeFileSync(file, 'oud');
    const wb = XlsxWorkbook.create();
    await wb.apply({
      ops: [
        { kind: 'addSheet', sheet: 'S' },
        { kind: 'setCells', sheet: 'S', cell: 'A1', cells: [[{ text: 'nieuw' }]] },
      ],
    });
    await wb.writeFileAtomic(file);
    expect(fs.readdirSync(dir)).toEqual(['uit.xlsx']);
    expect((await XlsxWorkbook.fromFile(file)).getCell('S', 'A1')).toBe('nieuw');
  });

  test('a failed atomic write leaves the target as it was and no temporary file', async () => {
    const target = path.join(dir, 'map.xlsx');
    fs.mkdirSync(target); // renaming a file over a directory fails
    const wb = XlsxWorkbook.create();
    await wb.apply({ ops: [{ kind: 'addSheet', sheet: 'S' }] });
    await expect(wb.writeFileAtomic(target)).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(['map.xlsx']);
    expect(fs.statSync(target).isDirectory()).toBe(true);
  });
});

describe('xlsx adapter: writing a workbook read from a file patches its package', () => {
  test('charts, pivot tables, drawings, macros and other parts the adapter does not model keep their bytes', async () => {
    const base = await written({ ops: [{ kind: 'addSheet', sheet: 'S' }] });
    const zip = await JSZip.loadAsync(base);
    const extra: Record<string, string> = {
      'xl/charts/chart1.xml': '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>',
      'xl/pivotTables/pivotTable1.xml': '<pivotTableDefinition  name="Draai" />',
      'xl/drawings/drawing1.xml': '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>',
      'xl/vbaProject.bin': 'binary\u0000stuff',
      'customXml/item1.xml': '<root>  spaced   </root>',
    };
    for (const [k, v] of Object.entries(extra)) zip.file(k, v);
    const input = await zip.generateAsync({ type: 'uint8array' });
    const wb = await XlsxWorkbook.fromBuffer(input);
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'S', cell: 'B2', cells: [[{ text: 'nieuw' }]] }] });
    const out = await JSZip.loadAsync(await wb.toBuffer());
    for (const [k, v] of Object.entries(extra)) expect(await out.file(k)!.async('string')).toBe(v);
    expect((await (await XlsxWorkbook.fromBuffer(await out.generateAsync({ type: 'uint8array' }))).readSnapshot()).sheets[0].values).toEqual([
      [],
      [null, 'nieuw'],
    ]);
  });
});

describe('xlsx adapter: merged cells', () => {
  test('the snapshot lists the merged areas (the engine keeps out of them)', async () => {
    const bytes = await excelBytes((wb) => {
      const ws = wb.addWorksheet('Prioritering');
      ws.getCell('C5').value = 'Omdat de corporatie renoveert';
      ws.mergeCells('C5:F5');
      ws.mergeCells('A20:K20');
    });
    const snap = await (await XlsxWorkbook.fromBuffer(bytes)).readSnapshot();
    expect(snap.sheets[0].merges?.sort()).toEqual(['A20:K20', 'C5:F5']);
    expect(snap.sheets[0].values[4][2]).toBe('Omdat de corporatie renoveert');
  });
});

describe('xlsx adapter: applyForWrite (the command line writes without updating the loaded model)', () => {
  async function rawTeamFile(): Promise<Uint8Array> {
    const { newWorkbookPlan } = await import('../../../src/core/template');
    const { SHEET_NAMES } = await import('../../../src/core/layout');
    const wb = XlsxWorkbook.create();
    // the template's werkblad and longlist only, with two scored rows: what apply prepares
    const ops = newWorkbookPlan({ factors: ['Draagvlak', 'Kosten'] }).plan.ops.filter(
      (o) => o.kind !== 'setValidation' && (o.sheet === SHEET_NAMES.werkblad || o.sheet === SHEET_NAMES.longlist),
    );
    await wb.apply({ ops });
    await wb.apply({
      ops: [
        {
          kind: 'setCells',
          sheet: SHEET_NAMES.werkblad,
          cell: 'A6',
          cells: [
            [{ text: 'Wonen' }, { text: 'Groene daken' }, { number: 3 }, { number: -1 }],
            [{ text: 'Water' }, { text: 'Wadi' }, { number: 1 }, { number: 2 }],
          ],
        },
      ],
    });
    return wb.toBuffer();
  }

  test('the file written equals the one written after a full apply', async () => {
    const { planWorkbook } = await import('../../../src/workbook/operations');
    const source = await rawTeamFile();
    const now = new Date('2026-11-28T10:00:00Z');
    const full = await XlsxWorkbook.fromBuffer(source);
    const fullPlan = await planWorkbook(full, { now });
    expect(fullPlan.plan.ops.length).toBeGreaterThan(0);
    await full.apply(fullPlan.plan);
    const light = await XlsxWorkbook.fromBuffer(source);
    const lightPlan = await planWorkbook(light, { now });
    await light.applyForWrite(lightPlan.plan);
    // the loaded model is left as read
    expect((await light.readSnapshot()).sheets.map((s) => s.name)).toEqual([
      ...(await (await XlsxWorkbook.fromBuffer(source)).readSnapshot()).sheets.map((s) => s.name),
      ...lightPlan.plan.ops.flatMap((o) => (o.kind === 'addSheet' ? [o.sheet] : [])),
    ]);
    const a = await (await XlsxWorkbook.fromBuffer(await full.toBuffer())).readSnapshot();
    const b = await (await XlsxWorkbook.fromBuffer(await light.toBuffer())).readSnapshot();
    expect(b).toEqual(a);
  });

  test('packageWriter writes what toBuffer writes, and ops applied afterwards are not in it', async () => {
    const { planWorkbook } = await import('../../../src/workbook/operations');
    const source = await rawTeamFile();
    const now = new Date('2026-11-28T10:00:00Z');
    const wb = await XlsxWorkbook.fromBuffer(source);
    await wb.applyForWrite((await planWorkbook(wb, { now })).plan);
    const write = wb.packageWriter();
    const viaBuffer = await wb.toBuffer();
    await wb.applyForWrite({ ops: [{ kind: 'setCells', sheet: 'Keuzelijsten', cell: 'Z1', cells: [[{ text: 'later' }]] }] });
    const { bytes, warnings } = await write();
    expect(warnings).toEqual([]);
    const written = await XlsxWorkbook.fromBuffer(bytes);
    expect(await written.readSnapshot()).toEqual(await (await XlsxWorkbook.fromBuffer(viaBuffer)).readSnapshot());
    expect(written.getCell('Keuzelijsten', 'Z1')).toBeNull();
  });

  test('the loaded model is collectable while only its packageWriter is held (apply patched with the model still in memory)', async () => {
    const v8 = await import('v8');
    const vm = await import('vm');
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const source = await rawTeamFile();
    let wb: XlsxWorkbook | undefined = await XlsxWorkbook.fromBuffer(source);
    await wb.applyForWrite({ ops: [{ kind: 'setCells', sheet: 'Werkblad koppelkansen kiezen', cell: 'B6', cells: [[{ text: 'Wadi' }]] }] });
    const ref = new WeakRef(wb);
    const write = wb.packageWriter();
    wb = undefined;
    // a WeakRef holds its target until the current job ends: collect in later turns
    for (let i = 0; i < 20 && ref.deref(); i++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    expect(ref.deref()).toBeUndefined();
    const back = await XlsxWorkbook.fromBuffer((await write()).bytes);
    expect(back.getCell('Werkblad koppelkansen kiezen', 'B6')).toBe('Wadi');
  });

  test('a plan that appends rows falls back to a full apply and lands where apply puts it', async () => {
    const wb = await XlsxWorkbook.fromBuffer(
      await written({
        ops: [
          { kind: 'addSheet', sheet: 'Blad1' },
          { kind: 'setCells', sheet: 'Blad1', cell: 'A1', cells: [[{ text: 'a' }], [{ text: 'b' }]] },
        ],
      }),
    );
    const result = await wb.applyForWrite({ ops: [{ kind: 'appendRows', sheet: 'Blad1', minRow: 1, firstColumn: 'A', rows: [[{ text: 'c' }]] }] });
    expect(result.appendedAt).toEqual([3]);
    const back = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    expect(back.getCell('Blad1', 'A3')).toBe('c');
  });

  /** Every part of a package as text, by name (zip dates differ between writes). */
  async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
    const zip = await JSZip.loadAsync(bytes);
    const out: Record<string, string> = {};
    for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) out[name] = await zip.files[name].async('string');
    return out;
  }

  test('readSnapshotOnce reads what readSnapshot reads, validations included, and the package written after it is the same', async () => {
    const { planWorkbook } = await import('../../../src/workbook/operations');
    const now = new Date('2026-11-28T10:00:00Z');
    for (const source of [await rawTeamFile(), await preparedTeamFile(now)]) {
      const held = await XlsxWorkbook.fromBuffer(source);
      const heldPlan = await planWorkbook(held, { now });
      await held.applyForWrite(heldPlan.plan);
      const once = await XlsxWorkbook.fromBuffer(source);
      const oncePlan = await planWorkbook({ readSnapshot: (request) => once.readSnapshotOnce(request) }, { now });
      expect(oncePlan.snapshot).toEqual(heldPlan.snapshot);
      expect(oncePlan.plan).toEqual(heldPlan.plan);
      await once.applyForWrite(oncePlan.plan);
      expect(once.sheetNames()).toEqual(held.sheetNames());
      expect(await parts((await once.packageWriter()()).bytes)).toEqual(await parts(await held.toBuffer()));
    }
  });

  async function preparedTeamFile(now: Date): Promise<Uint8Array> {
    const { planWorkbook } = await import('../../../src/workbook/operations');
    const wb = await XlsxWorkbook.fromBuffer(await rawTeamFile());
    await wb.apply((await planWorkbook(wb, { now })).plan);
    const bytes = await wb.toBuffer();
    const back = await XlsxWorkbook.fromBuffer(bytes);
    // the prepared file holds validations, which the next plan compares
    expect((await back.readSnapshot()).sheets.length).toBeGreaterThan(2);
    expect(back.allValidations().length).toBeGreaterThan(0);
    return bytes;
  }

  test('readSnapshotOnce lets go of the loaded model before the validation targets are asked for; readSnapshot reads it again', async () => {
    const v8 = await import('v8');
    const vm = await import('vm');
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const source = await rawTeamFile();
    const wb = await XlsxWorkbook.fromBuffer(source);
    // the ExcelJS model the adapter loaded (a private field: what must become collectable)
    const ref = new WeakRef((wb as unknown as { loadedModel: object }).loadedModel);
    const order: string[] = [];
    const snapshot = await wb.readSnapshotOnce(
      {
        validationTargets: () => {
          order.push('targets');
          return [];
        },
      },
      () => order.push('released'),
    );
    expect(order).toEqual(['released', 'targets']);
    for (let i = 0; i < 20 && ref.deref(); i++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    expect(ref.deref()).toBeUndefined();
    expect(() => wb.getCell('Werkblad koppelkansen kiezen', 'B6')).toThrow(/let go/);
    expect((await wb.readSnapshot()).sheets).toEqual(snapshot.sheets);
    expect(wb.getCell('Werkblad koppelkansen kiezen', 'B6')).toBe('Groene daken');
  });

  test('after readSnapshotOnce a write into a protected sheet is refused as before', async () => {
    const { protect } = await import('../xlsxProtect');
    const wb = (await protect(await XlsxWorkbook.fromBuffer(await rawTeamFile()), 'Werkblad koppelkansen kiezen')) as XlsxWorkbook;
    const snapshot = await wb.readSnapshotOnce();
    expect(snapshot.sheets[0].protection?.protected).toBe(true);
    const write = wb.applyForWrite({ ops: [{ kind: 'setCells', sheet: 'Werkblad koppelkansen kiezen', cell: 'C6', cells: [[{ number: 2 }]] }] });
    await expect(write).rejects.toMatchObject({ code: 'sheetProtected' });
    expect(wb.appliedOps()).toEqual([]);
  });

  test('after readSnapshotOnce a plan that needs the model reads it again and lands where apply puts it', async () => {
    const source = await rawTeamFile();
    const plan: Plan = {
      ops: [{ kind: 'appendRows', sheet: 'Werkblad koppelkansen kiezen', minRow: 6, firstColumn: 'A', rows: [[{ text: 'Energie' }]] }],
    };
    const applied = await XlsxWorkbook.fromBuffer(source);
    const expected = await applied.apply(plan);
    const wb = await XlsxWorkbook.fromBuffer(source);
    await wb.readSnapshotOnce();
    const result = await wb.applyForWrite(plan);
    expect(result.appendedAt).toEqual(expected.appendedAt);
    expect(await parts(await wb.toBuffer())).toEqual(await parts(await applied.toBuffer()));
  });

  test('after readSnapshotOnce the sheets a plan adds are written, hidden as asked', async () => {
    const wb = await XlsxWorkbook.fromBuffer(await written({ ops: [{ kind: 'addSheet', sheet: 'Blad1' }] }));
    await wb.readSnapshotOnce();
    await wb.applyForWrite({ ops: [{ kind: 'addSheet', sheet: 'Verborgen', hidden: true }] });
    expect(wb.sheetNames()).toEqual(['Blad1', 'Verborgen']);
    const back = await (await XlsxWorkbook.fromBuffer((await wb.packageWriter()()).bytes)).readSnapshot();
    expect(back.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Blad1', false],
      ['Verborgen', true],
    ]);
  });

  test('the package writer gives its ops away while writing, so it runs once', async () => {
    const wb = await XlsxWorkbook.fromBuffer(await rawTeamFile());
    await wb.applyForWrite({ ops: [{ kind: 'setCells', sheet: 'Werkblad koppelkansen kiezen', cell: 'B6', cells: [[{ text: 'Wadi' }]] }] });
    let collected = 0;
    const write = wb.packageWriter(() => collected++);
    const back = await XlsxWorkbook.fromBuffer((await write()).bytes);
    expect(back.getCell('Werkblad koppelkansen kiezen', 'B6')).toBe('Wadi');
    // a small op and small parts: nothing large became garbage
    expect(collected).toBe(0);
    await expect(write()).rejects.toThrow(/used already/);
    // the workbook's own journal is untouched
    expect(wb.appliedOps()).toHaveLength(1);
  });

  test('an unknown sheet is refused before anything is journaled, as by apply', async () => {
    const wb = await XlsxWorkbook.fromBuffer(await written({ ops: [{ kind: 'addSheet', sheet: 'Blad1' }] }));
    await expect(wb.applyForWrite({ ops: [{ kind: 'setCells', sheet: 'Nergens', cell: 'A1', cells: [[{ text: 'x' }]] }] })).rejects.toBeInstanceOf(
      WorkbookError,
    );
    expect(wb.appliedOps()).toEqual([]);
  });
});

describe('xlsx adapter: a workbook read from the package (deferModel) that ExcelJS cannot read', () => {
  /** An Excel-made workbook whose werkblad rows lost their numbers (as some tools write them): the package reader reads it, ExcelJS refuses it. */
  async function rowsWithoutNumbers(): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(
      await excelBytes((wb) => {
        const ws = wb.addWorksheet('Blad');
        ws.getCell('A1').value = 'Naam';
        ws.getCell('A2').value = 'Eerste';
      }),
    );
    const path = Object.keys(zip.files).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))!;
    zip.file(path, (await zip.file(path)!.async('string')).replace(/<row r="\d+"/g, '<row'));
    return zip.generateAsync({ type: 'uint8array' });
  }

  test('is read, and an operation that needs ExcelJS is refused in Dutch with nothing written (regression: it failed with ExcelJS’s English error)', async () => {
    const bytes = await rowsWithoutNumbers();
    await expect(XlsxWorkbook.fromBuffer(bytes)).rejects.toThrow();
    const wb = await XlsxWorkbook.fromBuffer(bytes, { deferModel: true });
    expect((await wb.readSnapshot()).sheets[0].values).toEqual([['Naam'], ['Eerste']]);
    const refused = wb.applyForWrite({ ops: [{ kind: 'appendRows', sheet: 'Blad', minRow: 2, firstColumn: 'A', rows: [[{ text: 'Tweede' }]] }] });
    await expect(refused).rejects.toBeInstanceOf(WorkbookError);
    await expect(refused).rejects.toMatchObject({
      code: 'cannotEditLayout',
      message: expect.stringMatching(/sla hem op als Excel-werkmap.*Er is niets gewijzigd/),
    });
    // a write that needs no model still goes through
    await wb.applyForWrite({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'B1', cells: [[{ text: 'Opmerking' }]] }] });
    const again = await XlsxWorkbook.fromBuffer(await wb.toBuffer(), { deferModel: true });
    expect((await again.readSnapshot()).sheets[0].values).toEqual([['Naam', 'Opmerking'], ['Eerste']]);
  });
});
