/**
 * Two participants scoring at the same moment through the session layer the pane uses
 * (`useWorkbookSession`, rendered with react-test-renderer), each session over one shared
 * memory workbook as two laptops co-authoring one workbook in Excel on the web. Every
 * action is the view's own edit (src/taskpane/views/rondesActions.ts) through
 * `session.applyEdit`. Nothing is lost, changes of mind rewrite only the participant's own
 * row, and the adoption writes the werkblad score and a note.
 */
import { act, create, type ReactTestRenderer } from 'react-test-renderer';
import { readNotes } from '../../src/core/notes';
import { readRondes, RONDES, summarizeRonde } from '../../src/core/rondes';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { useWorkbookSession, type HostServices, type WorkbookSession } from '../../src/taskpane/session';
import { adopt, ownScoreEdit, revealEdit, startRoundEdit } from '../../src/taskpane/views/rondesActions';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { FACTORS, ROWS, sampleOps } from '../helpers/onderbouwingWorkbook';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = new Date('2026-11-30T10:00:00+01:00');
const now = () => NOW;

function host(): HostServices {
  const store = new Map<string, string>();
  return { kind: 'preview', storage: { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v) } };
}

/** Mounts one pane session per participant over the same workbook. */
async function mount(wb: MemoryWorkbook, count: number): Promise<{ sessions: () => WorkbookSession[]; unmount: () => void }> {
  const latest: WorkbookSession[] = [];
  const hosts = Array.from({ length: count }, host);
  function Pane({ i }: { i: number }) {
    latest[i] = useWorkbookSession(wb, hosts[i], now);
    return null;
  }
  let renderer: ReactTestRenderer | undefined;
  await act(async () => {
    renderer = create(
      <>
        {hosts.map((_, i) => (
          <Pane key={i} i={i} />
        ))}
      </>,
    );
  });
  for (let tries = 0; tries < 50 && latest.some((s) => !s?.snapshot); tries++) await act(async () => new Promise((r) => setTimeout(r, 0)));
  if (latest.some((s) => !s?.snapshot)) throw new Error('the sessions never read the workbook');
  return {
    sessions: () => latest,
    unmount: () => {
      act(() => renderer!.unmount());
    },
  };
}

async function sampleWorkbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await createKoppelkansenWorkbook(wb, { now: NOW });
  await wb.apply({ ops: sampleOps(await wb.readSnapshot()) });
  return wb;
}

/**
 * What the team sees on the werkblad: each cell's value, or its formula where it holds one.
 * A formula's cached result is left out: the first plan of a session fills in the results
 * of formulas written without one (issue 9), which is not a change of any score.
 */
async function werkbladContent(wb: MemoryWorkbook): Promise<unknown[][]> {
  const sheet = (await wb.readSnapshot()).sheets.find((s) => s.name === SHEET_NAMES.werkblad)!;
  return sheet.values.map((row, r) => row.map((v, c) => (sheet.formulas?.[r]?.[c] ? `=${sheet.formulas[r][c]}` : v)));
}

test('two participants scoring at once through the session layer lose nothing', async () => {
  const wb = await sampleWorkbook();
  const werkbladBefore = await werkbladContent(wb);
  const pane = await mount(wb, 2);
  await act(async () => {
    expect(await pane.sessions()[0].applyEdit(startRoundEdit([], now), 'Ronde starten…')).toEqual({ ok: true });
  });

  // b: 0 − (i + j), not −(i + j): a score is read as a whole number, and −0 reads as 0 (werkblad.ts excelWhole)
  const cells = ROWS.slice(0, 3).flatMap((r, i) => FACTORS.slice(0, 2).map((f, j) => ({ k: r.koppelkans, f, a: i + j, b: 0 - (i + j) })));
  // every score of both at the same moment: reads and writes interleave at each await
  await act(async () => {
    const results = await Promise.all(
      cells.flatMap((c) => [
        pane.sessions()[0].applyEdit(ownScoreEdit(1, 'Ans', c.k, c.f, c.a, now), 'Score opslaan…'),
        pane.sessions()[1].applyEdit(ownScoreEdit(1, 'Bram', c.k, c.f, c.b, now), 'Score opslaan…'),
      ]),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });
  let state = readRondes(await wb.readSnapshot());
  let summary = summarizeRonde(state, 1);
  expect(summary).toHaveLength(cells.length);
  for (const c of cells) {
    const cell = summary.find((s) => s.koppelkans === c.k && s.factor === c.f)!;
    expect(cell.scores).toEqual([
      { deelnemer: 'Ans', score: c.a },
      { deelnemer: 'Bram', score: c.b },
    ]);
  }
  // both panes see both rows after their own write (each session re-reads)
  for (const s of pane.sessions()) expect(readRondes(s.snapshot!).rows.filter((r) => r.soort === 'score')).toHaveLength(2 * cells.length);

  // both change their mind on the same cell at once: each rewrites only their own row
  await act(async () => {
    await Promise.all([
      pane.sessions()[0].applyEdit(ownScoreEdit(1, 'Ans', cells[0].k, cells[0].f, 7, now), 'Score opslaan…'),
      pane.sessions()[1].applyEdit(ownScoreEdit(1, 'Bram', cells[0].k, cells[0].f, -7, now), 'Score opslaan…'),
    ]);
  });
  state = readRondes(await wb.readSnapshot());
  expect(state.rows.filter((r) => r.soort === 'score')).toHaveLength(2 * cells.length);
  summary = summarizeRonde(state, 1);
  expect(summary[0]).toMatchObject({ koppelkans: cells[0].k, factor: cells[0].f, lowest: -7, highest: 7, median: 0, count: 2 });
  // scoring alone never touches the werkblad
  expect(await werkbladContent(wb)).toEqual(werkbladBefore);

  // a score that arrives after the reveal is refused with a message, not silently counted
  await act(async () => {
    expect(await pane.sessions()[0].applyEdit(revealEdit(1, now), 'Onthullen…')).toEqual({ ok: true });
    const late = await pane.sessions()[1].applyEdit(ownScoreEdit(1, 'Bram', cells[1].k, cells[1].f, 10, now), 'Score opslaan…');
    expect(late).toEqual({ ok: false, message: expect.stringContaining('Ronde 1 is intussen onthuld') });
  });

  // both adopt the same cell at once: one adoption; the other writes nothing and is told
  await act(async () => {
    const both = await Promise.all([
      adopt(pane.sessions()[0], 1, cells[0].k, cells[0].f, 2, 'Na uitleg van de wijkbewoners', 'Ans', now),
      adopt(pane.sessions()[1], 1, cells[0].k, cells[0].f, -1, '', 'Bram', now),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toEqual({ ok: false, message: expect.stringContaining('Er is niets overschreven') });
  });
  const after = await wb.readSnapshot();
  const ws = after.sheets.find((s) => s.name === SHEET_NAMES.werkblad)!;
  const row = WERKBLAD.firstDataRow + ROWS.findIndex((r) => r.koppelkans === cells[0].k);
  const column = WERKBLAD.firstFactorColumn + FACTORS.indexOf(cells[0].f);
  expect(ws.values[row - 1][column - 1]).toBe(2);
  const adoptions = readNotes(after).notes.filter((n) => n.text.startsWith('Score vastgesteld in ronde 1'));
  expect(adoptions).toHaveLength(1); // the refused adoption left no note behind
  const note = adoptions[0];
  expect(note).toMatchObject({ koppelkans: cells[0].k, factor: cells[0].f, step: 'Stap 3', kind: 'conclusie' });
  expect(note.text).toContain('spreiding -7 tot 7');
  expect(note.text).toContain('Waarom: Na uitleg van de wijkbewoners');
  expect(
    readRondes(after)
      .rows.filter((r) => r.soort === 'vastgesteld')
      .map((r) => r.score),
  ).toEqual([2]);
  expect(summarizeRonde(readRondes(after), 1).find((c) => c.koppelkans === cells[0].k && c.factor === cells[0].f)!.adopted).toBe(2);
  expect(after.sheets.find((s) => s.name === RONDES.sheet)).toBeDefined();
  pane.unmount();
});
