/**
 * The robustness sentences on the Resultaat sheet (column H, beside the top 15): written by
 * the add-in and marked with the date they were computed. The block is the title in H1 and
 * the lines below it down to the first empty cell; the add-in rewrites only that block,
 * and only when the sentences changed (so the date says when the findings last changed).
 * Anything else a person typed on the sheet stays: when a cell the block needs holds other
 * text, nothing is written and a problem names the cell.
 */
import { cellAddress, columnLetter, rangeAddress, sheetRef } from '../a1';
import { diffBlock, formula, sameFormula, text } from '../diff';
import { formulaAt, isEmpty, textAt, valueAt } from '../grid';
import { formatDutchDate } from '../dates';
import { computeGevoeligheid } from '../gevoeligheid';
import { GEVOELIGHEID } from '../layout';
import { problem } from '../problems';
import type { CellInput, SheetSnapshot } from '../snapshot';
import { MAX_CELL_TEXT } from '../textSafety';
import type { Werkblad } from '../werkblad';
import { nameOf, sheetByName, type PlanContext } from './context';

/** "30-11-2026", the day (on the Dutch clock) as Dutch readers write it (src/core/dates.ts). */
function datumTekst(d: Date): string {
  return formatDutchDate(d, { clock: 'nl' });
}

/** The last row of the add-in's block in column H (title in row 1), or 0 when there is none. */
function existingBlockEnd(sheet: SheetSnapshot | undefined): number {
  if (!sheet || textAt(sheet, 1, GEVOELIGHEID.column) !== GEVOELIGHEID.title) return 0;
  let r = 1;
  while (!isEmpty(valueAt(sheet, r + 1, GEVOELIGHEID.column)) || formulaAt(sheet, r + 1, GEVOELIGHEID.column)) r++;
  return r;
}

/** What the staleness formula shows while scores and weights are as computed (its cached result). */
const STALE_OK = 'Klopt met de huidige scores en wegingen.';

/**
 * A formula that warns once the werkblad's weights or totals no longer match what the
 * sentences were computed from (sum of the weights and of the totals, rounded).
 */
function staleFormula(werkblad: Werkblad): string {
  const L = werkblad.layout;
  const ws = sheetRef(L.sheet);
  // per cell the weight the engine takes (src/core/werkblad.ts readWeight), 0 where it takes none (null): a number of 0 or
  // more; 0 for a negative number, text, TRUE/FALSE (Excel's SUM skips TRUE in a range, LibreOffice counts it as 1) and
  // an error value (N() would pass it on to the whole check)
  const weightCells: string[] = [];
  for (let c = L.firstFactorColumn; c <= L.lastFactorColumn; c++) {
    const cell = `${ws}!${cellAddress(4, c)}`;
    weightCells.push(`IF(ISNUMBER(${cell}),MAX(0,${cell})*NOT(ISLOGICAL(${cell})),0)`);
  }
  const weights = weightCells.join('+');
  const totals = `${ws}!${rangeAddress(L.firstDataRow, L.totalenColumn, L.preparedEndRow, L.totalenColumn)}`;
  const sumW = round6(werkblad.factors.reduce((s, f) => s + (f.weging ?? 0), 0));
  const sumT = round6(werkblad.rows.reduce((s, r) => s + (r.total ?? 0), 0));
  return `=IF(AND(ROUND(${weights},6)=${sumW},ROUND(SUM(${totals}),6)=${sumT}),"${STALE_OK}","Let op: scores of wegingen zijn veranderd sinds deze berekening. Kies Resultaat bijwerken in de add-in.")`;
}

/**
 * A sentence as one cell can hold it: at most Excel's 32,767 characters (`MAX_CELL_TEXT`),
 * else cut with "…" (names are listed at most 15 at a time, gevoeligheid.ts, but very long
 * koppelkans names can still add up), never between the two halves of an emoji.
 */
function fitCell(line: string): string {
  if (line.length <= MAX_CELL_TEXT) return line;
  let cut = MAX_CELL_TEXT - 1;
  const code = line.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${line.slice(0, cut)}…`;
}

/**
 * A short fingerprint (8 hex digits, FNV-1a over the lines joined by newlines) of the
 * sentences the add-in wrote, kept in the block's second row. When the cells no longer
 * match it, a person typed there and the add-in leaves the block alone.
 */
function blockKenmerk(lines: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const ch of lines.join('\n')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function round6(n: number): string {
  const r = Math.round(n * 1e6) / 1e6;
  return String(Object.is(r, -0) ? 0 : r);
}

export function planGevoeligheid(ctx: PlanContext): void {
  const wb = ctx.analysis.werkblad;
  if (!wb) return;
  const name = nameOf(ctx, 'resultaat');
  const sheet = sheetByName(ctx.snapshot, name);
  const col = GEVOELIGHEID.column;
  const g = computeGevoeligheid(wb);
  const lines = g.sentences.all.map(fitCell);
  const end = existingBlockEnd(sheet);

  // unchanged findings: leave the block (and its date) as it is
  const old = sheet && end ? Array.from({ length: Math.max(0, end - 3) }, (_, i) => textAt(sheet, 4 + i, col)) : null;
  const stale = staleFormula(wb);
  const staleNow = sheet ? (sheet.formulas?.[2]?.[col - 1] ?? null) : null;
  if (old && old.length === lines.length && old.every((t, i) => t === lines[i].trim()) && staleNow && sameFormula(staleNow, stale)) {
    // only the formula again when the file holds it without its cached result (the block and its date stay)
    ctx.ops.push(...diffBlock(name, sheet, 3, col, [[formula(stale, STALE_OK)]]));
    return;
  }

  // the team typed over the add-in's sentences: their text stays (a warning names the cell)
  if (sheet && end) {
    const mark = /\(kenmerk ([0-9a-f]{8})\)/.exec(textAt(sheet, 2, col));
    const current = Array.from({ length: Math.max(0, end - 3) }, (_, i) => textAt(sheet, 4 + i, col));
    if (!mark || mark[1] !== blockKenmerk(current)) {
      const first = current.findIndex((t) => t !== '');
      const r = 4 + Math.max(0, first);
      ctx.problems.push(problem('GEVOELIGHEID_OCCUPIED', name, cellAddress(r, col), { value: textAt(sheet, r, col), column: columnLetter(col) }));
      return;
    }
  }

  const now = ctx.options.now ?? new Date();
  const block: CellInput[][] = [
    [text(GEVOELIGHEID.title)],
    [
      text(
        `Berekend door de add-in op ${datumTekst(now)}: telkens één weging of één score anders, de rest gelijk. (kenmerk ${blockKenmerk(lines.map((l) => l.trim()))})`,
      ),
    ],
    [formula(stale, STALE_OK)],
    ...lines.map((l) => [text(l)]),
  ];
  // every cell the block needs must be the add-in's old block or empty
  if (sheet) {
    for (let r = Math.max(end, 0) + 1; r <= block.length; r++) {
      if (!isEmpty(valueAt(sheet, r, col)) || formulaAt(sheet, r, col)) {
        ctx.problems.push(problem('GEVOELIGHEID_OCCUPIED', name, cellAddress(r, col), { value: textAt(sheet, r, col), column: columnLetter(col) }));
        return;
      }
    }
  }
  for (let r = block.length + 1; r <= end; r++) block.push([{ clear: true }]);
  ctx.ops.push({ kind: 'setCells', sheet: name, cell: cellAddress(1, col), cells: block });
  if (!end) {
    const letter = columnLetter(col);
    ctx.ops.push(
      { kind: 'setStyle', sheet: name, range: `${letter}1`, style: { bold: true, fontSize: 12, fontColor: '#1F4E79' } },
      { kind: 'setStyle', sheet: name, range: `${letter}2:${letter}3`, style: { italic: true } },
      { kind: 'setStyle', sheet: name, range: `${letter}4:${letter}${Math.max(block.length, 60)}`, style: { wrap: true, verticalAlignment: 'top' } },
      { kind: 'setColumnWidths', sheet: name, widths: [{ column: letter, width: GEVOELIGHEID.width }] },
    );
  }
}
