import { analyze } from '../../src/core/analyze';
import { SHEET_NAMES } from '../../src/core/layout';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { computedCells } from '../../src/taskpane/preview/computedCells';
import { RecordingPort } from '../../src/taskpane/preview/RecordingPort';
import { sampleDataOps, sampleScore } from '../../src/taskpane/preview/sampleData';
import { memoryFrom, restoreWorkbook, startWorkbook } from '../../src/taskpane/preview/workbooks';
import { addNote, readNotes } from '../../src/core/notes';
import type { WorkbookDefinitions } from '../../src/core/snapshot';
import type { XlsxWorkbook as XlsxFile } from '../../src/workbook/xlsx/XlsxWorkbook';

const now = new Date('2026-03-01T10:00:00Z');

describe('preview start workbooks', () => {
  it('the template is a Koppelkansen workbook without koppelkansen and without errors', async () => {
    const { port } = await startWorkbook('sjabloon', now);
    const a = analyze(await port.readSnapshot(), { now });
    expect(a.kind).toBe('koppelkansen');
    expect(a.werkblad?.rows).toEqual([]);
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(a.sheets.prioritering).not.toBeNull();
  });

  it('the sample has scored and unscored koppelkansen from the longlist, a ranking and checklist progress', async () => {
    const { port } = await startWorkbook('voorbeeld', now);
    const a = analyze(await port.readSnapshot(), { now });
    const rows = a.werkblad!.rows;
    expect(rows.length).toBe(10);
    expect(rows.filter((r) => r.status === 'scored').length).toBe(8);
    expect(rows.filter((r) => r.status === 'unscored').length).toBe(2);
    const onLonglist = new Set(a.longlist.entries.map((e) => e.koppelkans));
    expect(rows.every((r) => onLonglist.has(r.koppelkans))).toBe(true);
    expect(a.top.length).toBe(8);
    expect(a.checklist!.overall.klaar).toBeGreaterThan(0);
    expect(a.checklist!.deadlineYear).toBe(2032);
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a workbook kept in the browser comes back as it was: plans replayed in order, every change reported', async () => {
    const wb = await startWorkbook('voorbeeld', now);
    const made = wb.port.plans().length;
    const seen: number[] = [];
    wb.port.onApplied = (p) => seen.push(p.plans().length);
    const note = addNote(
      {
        text: '=Eerst de buurt\nDan de raad',
        author: 'Notulist',
        step: 'Stap 3',
        kind: 'discussie',
        koppelkans: 'Meer groen',
        factor: '',
        verantwoordelijke: '',
        date: '',
      },
      now,
      undefined,
      readNotes(await wb.port.readSnapshot()).sheet ?? undefined,
    );
    if (!note.ok) throw new Error(note.message);
    await wb.port.apply({ ops: note.ops });
    await wb.port.apply({ ops: [] }); // an empty plan is not a change
    expect(seen).toEqual([made + 1]);

    const back = await restoreWorkbook({ base: null, fileName: wb.fileName, plans: wb.port.plans() });
    expect(await back.port.readSnapshot()).toEqual(await wb.port.readSnapshot());
    expect(back.port.plans()).toEqual(wb.port.plans());
    expect(readNotes(await back.port.readSnapshot()).notes.map((n) => n.text)).toContain('=Eerst de buurt\nDan de raad');
  });

  it('the empty start has no sheets with content', async () => {
    const { port } = await startWorkbook('leeg', now);
    expect(analyze(await port.readSnapshot(), { now }).kind).toBe('empty');
  });

  it('sample scores are whole numbers from -10 to 10', () => {
    for (let r = 6; r < 60; r++)
      for (let f = 0; f < 12; f++) {
        const s = sampleScore(r, f);
        expect(Number.isInteger(s) && s >= -10 && s <= 10).toBe(true);
      }
  });

  it('sample data needs a werkblad', () => {
    expect(sampleDataOps(analyze({ sheets: [] }))).toEqual([]);
  });
});

describe('RecordingPort', () => {
  it('remembers applied plans in order, skips empty ones, and hands out copies', async () => {
    const port = new RecordingPort(new MemoryWorkbook());
    await port.apply({ ops: [{ kind: 'addSheet', sheet: 'A' }] });
    await port.apply({ ops: [] });
    await port.apply({ ops: [{ kind: 'setCells', sheet: 'A', cell: 'B2', cells: [[{ number: 3 }]] }] });
    const plans = port.plans();
    expect(plans.map((p) => p.ops[0].kind)).toEqual(['addSheet', 'setCells']);
    plans[0].ops.pop();
    expect(port.plans()[0].ops.length).toBe(1);
    expect((await port.readSnapshot()).sheets[0].values[1][1]).toBe(3);
  });

  it('does not record a plan that failed', async () => {
    const port = new RecordingPort(new MemoryWorkbook());
    await expect(port.apply({ ops: [{ kind: 'setCells', sheet: 'Nergens', cell: 'A1', cells: [[{ number: 1 }]] }] })).rejects.toThrow();
    expect(port.plans()).toEqual([]);
  });
});

describe('memoryFrom', () => {
  it('copies values, formulas with their cached values, and hidden sheets', async () => {
    const wb = memoryFrom({
      sheets: [
        {
          name: 'Blad',
          values: [
            ['=tekst', 2],
            [null, 4],
          ],
          formulas: [
            [null, null],
            [null, '=B1*2'],
          ],
        },
        { name: 'Verborgen', values: [['x']], hidden: true },
      ],
    });
    const snap = await wb.readSnapshot();
    expect(snap.sheets[0].values[0]).toEqual(['=tekst', 2]);
    expect(snap.sheets[0].values[1][1]).toBe(4);
    expect(snap.sheets[0].formulas?.[1]?.[1]).toBe('=B1*2');
    expect(snap.sheets[1].hidden).toBe(true);
  });
});

describe('computedCells', () => {
  it('gives the grid the totals, the top 15 and the Prioritering rank that Excel would calculate', async () => {
    const { port } = await startWorkbook('voorbeeld', now);
    const a = analyze(await port.readSnapshot(), { now });
    const c = computedCells(a);
    const wb = a.werkblad!;
    const first = wb.rows[0];
    expect(c.get(wb.layout.sheet.toLowerCase())?.at(first.row, wb.layout.totalenColumn)).toBe(first.total);
    const res = c.get(SHEET_NAMES.resultaat.toLowerCase())!;
    expect(res.at(5, 3)).toBe(a.top[0].koppelkans);
    // below the top 15: the rest of the column, which shows nothing
    expect(res.at(5 + a.top.length, 1)).toBe('');
    // a row without a total (not scored) shows the column's empty rest, not 0
    const unscored = wb.rows.find((r) => r.total === null)!;
    expect(c.get(wb.layout.sheet.toLowerCase())?.at(unscored.row, wb.layout.totalenColumn)).toBe('');
  });
});

describe('preview download of an opened team workbook', () => {
  test('regression: merged cells come along into the preview, the engine keeps out of them, and the download patches only what the plans name', async () => {
    const { teamWorkbook } = await import('../workbook/xlsx/teamWorkbook');
    const { packageDiff } = await import('../workbook/xlsx/packageDiff');
    const { openWorkbook, workbookBytes } = await import('../../src/taskpane/preview/workbooks');
    const { prepareWorkbook } = await import('../../src/workbook/operations');
    const { XlsxWorkbook } = await import('../../src/workbook/xlsx/XlsxWorkbook');
    const now = new Date('2026-11-28T12:00:00Z');
    const base = await teamWorkbook();
    const opened = await openWorkbook(base, 'team.xlsx');
    const snap = await opened.port.readSnapshot();
    expect(snap.sheets.find((s) => s.name === SHEET_NAMES.werkblad)?.merges).toContain('N1:P1');
    const prepared = await prepareWorkbook(opened.port, { now });
    const bytes = await workbookBytes(base, [prepared.plan]);
    const replay = await XlsxWorkbook.fromBuffer(base);
    await replay.apply(prepared.plan);
    expect(await packageDiff(base, bytes, replay.appliedOps())).toEqual([]);
  }, 120000);
});

describe("the team's names and conditional formats of an opened file", () => {
  test("regression: they come along into the preview, so removing a factor there names the team's name on its column as the download would break it", async () => {
    const { teamWorkbook, ws } = await import('../workbook/xlsx/teamWorkbook');
    const { withTeamDefinitions } = await import('../workbook/xlsxProtect');
    const { openWorkbook } = await import('../../src/taskpane/preview/workbooks');
    const { XlsxWorkbook } = await import('../../src/workbook/xlsx/XlsxWorkbook');
    const { definitionsBrokenByShifts } = await import('../../src/core/referenceBreaks');
    const file = (await withTeamDefinitions(await XlsxWorkbook.fromBuffer(await teamWorkbook()), {
      names: [
        { name: 'TeamNaam', formula: `='${ws}'!$D$6:$D$20` },
        { name: 'Lokaal', formula: `='${ws}'!$N$6`, scope: ws },
      ],
      conditionalFormats: [{ sheet: ws, ranges: ['D6:D20'], formulas: ['=D6>5'] }],
      comments: [{ sheet: ws, cell: 'D7', text: 'Navragen' }],
    })) as XlsxFile;
    const fromFile = (await file.readSnapshot({ definitions: true })).definitions!;
    const opened = await openWorkbook(await file.toBuffer(), 'team.xlsx');
    const preview = await opened.port.readSnapshot({ definitions: true });
    // the team's own names (the fixture's package also holds built-in print names, one of them twice: ExcelJS writes
    // the print area it read and its own; a sheet has one of each in Excel, so the memory workbook keeps one)
    const own = (d: WorkbookDefinitions) => d.names.filter((n) => !n.name.startsWith('_xlnm.'));
    expect(own(preview.definitions!)).toEqual(own(fromFile));
    expect(own(fromFile).map((n) => n.name)).toEqual(expect.arrayContaining(['TeamNaam', 'Lokaal']));
    const cfs = (d: WorkbookDefinitions) => d.rules.filter((r) => r.kind === 'conditionalFormat');
    expect(cfs(preview.definitions!)).toEqual(cfs(fromFile));
    expect(cfs(fromFile).length).toBeGreaterThanOrEqual(3);
    // and the comments on cells (issue 11: the factor questions name those in a removed column)
    expect(preview.definitions!.comments).toEqual(fromFile.comments);
    // the fixture's own note (written by ExcelJS) and the one added to the same comments part
    expect(preview.definitions!.comments!.filter((c) => c.sheet === ws)).toEqual([
      { sheet: ws, cell: 'N6', text: 'Schatting van de wijkmanager' },
      { sheet: ws, cell: 'D7', text: 'Navragen' },
    ]);
    expect(definitionsBrokenByShifts(preview, [{ sheet: ws, at: 4, count: -1 }]).map((d) => `${d.kind} ${d.label} ${d.effect}`)).toEqual([
      'name TeamNaam ref',
      'conditionalFormat D6:D20 removed',
    ]);
  }, 120000);
});

describe("each preview workbook has its own id (the pane's drafts are scoped by it)", () => {
  it('gives every workbook started or opened a new id, and a restored one the id it was kept with', async () => {
    const a = await startWorkbook('leeg', now);
    const b = await startWorkbook('leeg', now);
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.id).not.toBe(a.id);
    const back = await restoreWorkbook({ id: a.id, base: null, fileName: a.fileName, plans: a.port.plans() });
    expect(back.id).toBe(a.id);
  });

  it('gives a workbook kept by an earlier version (no id) a new one', async () => {
    const a = await startWorkbook('leeg', now);
    const back = await restoreWorkbook({ base: null, fileName: a.fileName, plans: a.port.plans() });
    expect(back.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
