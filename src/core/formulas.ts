/**
 * The Excel formulas the engine writes, in en-US syntax. They compute in the workbook
 * itself exactly what the engine computes, so the workbook keeps working for a
 * colleague without the add-in. Only functions from Excel 2010 or older are used.
 */
import { columnLetter, sheetRef } from './a1';
import { agreedSerialRange, type DateSystem } from './dates';
import { cleanFormula, escapeFormula, keyFormula } from './keuzelijsten';
import { LONGLIST, PRIORITERING, RESULTAAT, WERKBLAD } from './layout';
import { TOTAL_DECIMALS } from './werkblad';
import type { LonglistLayout } from './longlist';
import type { WerkbladLayout } from './werkblad';

/**
 * Weighted total of one werkblad row, by the rules of `readRows`/`roundTotal`:
 * "" when no score cell holds anything (empty and zero-length text count as empty);
 * "ongeldig" when a score is not a whole number from -10 to 10 (text, TRUE/FALSE, an
 * error value such as #N/A or #DEEL/0!, typed or the result of a formula) or a scored
 * factor has an invalid weight; else Σ weight × score rounded to `TOTAL_DECIMALS`
 * decimals, so that totals equal on paper are equal here and in the engine.
 *
 * Cheap on purpose (it is the workbook's most numerous formula, one per werkblad row):
 * one COUNTBLANK, then one IF per factor with plain arithmetic on two cells, no arrays
 * (a SUMPRODUCT over computed arrays builds a matrix per operation: LibreOffice spent about
 * 0.1 ms a row on the two this formula had until 2026-12-02, most of the workbook's
 * recalculation; `npm run bench -- formulas`). Per factor, a score cell that is empty or a
 * zero-length text adds 0 and nothing else of that factor is read (IF evaluates only the
 * branch it takes, so an error value in the weight of a factor the row does not score is
 * never read, as the engine leaves that factor out). Any other score cell adds
 * weight × score ÷ (1 when valid, else 0): valid is a whole number from -10 to 10
 * (s = INT(s), ABS(s) ≤ 10), not TRUE/FALSE (LibreOffice keeps those as 1/0, so ISLOGICAL
 * is tested; in Excel TRUE = INT(TRUE) is FALSE already), with a weight that is a number
 * (ISNUMBER: not empty, not text, not TRUE/FALSE in Excel; ISLOGICAL for LibreOffice) of 0
 * or more. Everything invalid so ends in an error value: the division by 0, a text
 * score's #VALUE! (text × weight, INT of text), an error value in the score or in a scored
 * factor's weight passed on. One IFERROR around the rounded sum turns each into
 * "ongeldig", so no error value reaches Resultaat's RANK and LARGE.
 *
 * Until 2026-12-02 the text tested the row with COUNT, COUNTBLANK, COUNTA, an ISLOGICAL per
 * cell and per weight and two SUMPRODUCTs, with the same results; a workbook prepared with
 * an earlier text gets this one the next time the product prepares it (`apply`, the pane):
 * a plan writes every product formula whose text differs (src/core/diff.ts `sameFormula`).
 */
export function totalFormula(layout: WerkbladLayout, row: number): string {
  const a = columnLetter(layout.firstFactorColumn);
  const b = columnLetter(layout.lastFactorColumn);
  const n = layout.lastFactorColumn - layout.firstFactorColumn + 1;
  const s = `${a}${row}:${b}${row}`;
  const terms: string[] = [];
  for (let c = layout.firstFactorColumn; c <= layout.lastFactorColumn; c++) {
    const x = `${columnLetter(c)}${row}`;
    const w = `${columnLetter(c)}$${WERKBLAD.weightRow}`;
    const valid = `(${x}=INT(${x}))*(ABS(${x})<=10)*ISNUMBER(${w})*(${w}>=0)*NOT(ISLOGICAL(${x}))*NOT(ISLOGICAL(${w}))`;
    terms.push(`IF(${x}="",0,${w}*${x}/(${valid}))`);
  }
  return `=IF(COUNTBLANK(${s})=${n},"",IFERROR(ROUND(${terms.join('+')},${TOTAL_DECIMALS}),"${WERKBLAD.invalidTotal}"))`;
}

/** Absolute references to the werkblad's prepared block. */
export function werkbladRefs(layout: WerkbladLayout) {
  const ws = sheetRef(layout.sheet);
  const r1 = layout.firstDataRow;
  const r2 = layout.preparedEndRow;
  const t = columnLetter(layout.totalenColumn);
  const f1 = columnLetter(layout.firstFactorColumn);
  const f2 = columnLetter(layout.lastFactorColumn);
  return {
    ws,
    totals: `${ws}!$${t}$${r1}:$${t}$${r2}`,
    koppelkansen: `${ws}!$B$${r1}:$B$${r2}`,
    opgaveCol: `${ws}!$A:$A`,
    koppelkansCol: `${ws}!$B:$B`,
    scoreCols: `${ws}!$${f1}:$${f2}`,
    factorHeader: `${ws}!$${f1}$${WERKBLAD.factorRow}:$${f2}$${WERKBLAD.factorRow}`,
    /** Rows below the prepared block (to notice rows the add-in does not see yet). */
    below: `${ws}!$B$${r2 + 1}:$B$${r2 + 1000}`,
  };
}

/**
 * The longlist rows the Keuzelijsten formulas cover: from the row below the header,
 * the rows in use plus room for rows a colleague adds (at least 1,000), never more than
 * `LONGLIST.maxCapacity` (the analysis warns when the longlist is longer).
 */
export function longlistCapacity(ll: LonglistLayout): { first: number; last: number } {
  const first = ll.headerRow + 1;
  const used = ll.lastRow - ll.headerRow;
  const capacity = Math.min(LONGLIST.maxCapacity, Math.max(LONGLIST.minCapacity, used + LONGLIST.spareCapacity));
  return { first, last: ll.headerRow + capacity };
}

/** Resultaat row formulas for place k (1-based); row is the sheet row. */
export function resultaatRowFormulas(layout: WerkbladLayout, k: number, row: number): string[] {
  const w = werkbladRefs(layout);
  const T = w.totals;
  const d = `$D${row}`;
  const f = `$F${row}`;
  return [
    `=IF(${d}="","",RANK(${d},${T}))`,
    // an error value in the werkblad's name cell is no name (src/core/names.ts), not an error that spreads here
    `=IF(${f}="","",IFERROR(${cleanFormula(`INDEX(${w.opgaveCol},${f})&""`)},""))`,
    `=IF(${f}="","",IFERROR(${cleanFormula(`INDEX(${w.koppelkansCol},${f})&""`)},""))`,
    `=IF(${k}>COUNT(${T}),"",IF(RANK(LARGE(${T},${k}),${T})>${RESULTAAT.topN},"",LARGE(${T},${k})))`,
    `=IF(${f}="","",COUNT(INDEX(${w.scoreCols},${f},0))&" van "&COLUMNS(${w.factorHeader}))`,
    `=IF(${d}="","",AGGREGATE(15,6,ROW(${T})/(${T}=${d}),${k}-RANK(${d},${T})+1))`,
  ];
}

/**
 * Visible warning when more koppelkansen share the last listed place than Resultaat has
 * formula rows (`capacity`): how many share that rank and how many are listed. Same text
 * as `resultaatOverflowText`.
 */
export function resultaatOverflowFormula(layout: WerkbladLayout, capacity: number): string {
  const T = werkbladRefs(layout).totals;
  const v = `LARGE(${T},${capacity})`;
  return (
    `=IF(COUNT(${T})<=${capacity},"",IF(RANK(${v},${T})>${RESULTAAT.topN},"",` +
    `"Let op: "&COUNTIF(${T},${v})&" koppelkansen delen rang "&RANK(${v},${T})&"; hier staan er "&(${capacity + 1}-RANK(${v},${T}))&". De andere staan met hun totaal op het werkblad."))`
  );
}

/** The engine's value of `resultaatOverflowFormula`: "" when every place fits. */
export function resultaatOverflowText(shared: number, rank: number, capacity: number): string {
  return `Let op: ${shared} koppelkansen delen rang ${rank}; hier staan er ${capacity + 1 - rank}. De andere staan met hun totaal op het werkblad.`;
}

/**
 * Visible "out of date" warning for the static part of Resultaat (the rows left out
 * and why): compares the live counts with the counts when the engine wrote it. A row
 * counts as unscored when its koppelkans has a name by the matching rule (its key on
 * Keuzelijsten, `keys` = `werkbladKeyRange`, is not empty; criteria such as "?*" would
 * count an NBSP-only name and miss a number) and its total is empty.
 */
export function resultaatStaleFormula(layout: WerkbladLayout, invalidCount: number, unscoredCount: number, keys: string): string {
  const w = werkbladRefs(layout);
  const T = w.totals;
  return (
    `=IF(OR(COUNTIF(${T},"${WERKBLAD.invalidTotal}")<>${invalidCount},SUMPRODUCT((${keys}<>"")*(${T}=""))<>${unscoredCount},COUNTA(${w.below})>0),` +
    `"Let op: het werkblad is gewijzigd sinds de add-in dit blad bijwerkte; de lijst 'Niet in de ranglijst' kan verouderd zijn. De top 15 hierboven is wel actueel.","")`
  );
}

/**
 * The werkblad row (position in the prepared block) of the Prioritering entry whose name
 * is in `name` (an A1 reference), found by the matching rule through the keys on
 * Keuzelijsten (column Z), with the wildcard characters escaped: an #N/A error when it is
 * not on the werkblad.
 */
function prioPosition(keys: string, name: string): string {
  return `MATCH(${escapeFormula(keyFormula(name))},${keys},0)`;
}

/**
 * The Prioritering columns and first row the formulas read, as `readPrioLayout` finds them
 * (src/core/prioritering.ts: by their labels, so a column the team inserted or moved is
 * followed); 1-based. Default: the sheet the plan creates (A Prioriteit, B Koppelkans,
 * C Omdat…, G and H the check record, entries from `PRIORITERING.firstRow`).
 */
export interface PrioFormulaColumns {
  prioriteit: number;
  koppelkans: number;
  omdat: number;
  controle: number;
  afwijking: number;
  firstRow: number;
}

const PRIO_DEFAULT_COLUMNS: PrioFormulaColumns = { prioriteit: 1, koppelkans: 2, omdat: 3, controle: 7, afwijking: 8, firstRow: PRIORITERING.firstRow };

/**
 * Prioritering: the automatic rank of the entry in `row` (the rank column); `keys` =
 * `werkbladKeyRange`; the name is read from the koppelkans column the engine reads
 * (`columns`, see `PrioFormulaColumns`), "" when it is empty or an error value, "–" when
 * the name has no total on the werkblad.
 */
export function prioRankFormula(layout: WerkbladLayout, row: number, keys: string, columns: PrioFormulaColumns = PRIO_DEFAULT_COLUMNS): string {
  const w = werkbladRefs(layout);
  const name = `$${columnLetter(columns.koppelkans)}${row}`;
  // an error value in the name cell is no name (src/core/names.ts): "" as for an empty one, not an error that spreads
  return `=IF(IFERROR(${keyFormula(name)},"")="","",IFERROR(RANK(INDEX(${w.totals},${prioPosition(keys, name)}),${w.totals}),"–"))`;
}

/**
 * Prioritering, column Signaal. Which entries deviate (the fewest entries whose removal
 * leaves the rest in automatic order, see `deviatingEntries`) cannot be computed by an
 * Excel 2010 formula, so the engine writes its verdict per row (`afwijking`: 1 or 0) with
 * the team's order it saw (`controle`: place|koppelkans, see `prioCheckKey`). The formula
 * shows "Afwijking zonder reden" for a flagged entry while Omdat… is empty by the text rule
 * (src/core/names.ts: a cell of only spaces, NBSP, tabs or line breaks is empty, as the
 * engine's `textAt` reads it; Excel's TRIM alone would keep an NBSP; an error value is no
 * reason, in the engine too), and a visible
 * "Volgorde gewijzigd sinds de laatste controle" only when the place or the koppelkans of
 * the row differs from that record: someone reordered the team's list by hand without the
 * add-in. A score change that moves automatic ranks is not a reorder and shows nothing.
 * The place is the engine's (`readPrioEntriesRanked`): the Prioriteit number when it is a
 * whole number of 1 or more (not TRUE/FALSE, which LibreOffice's ISNUMBER counts), else the
 * row's position in the list; so the key is always a whole number and reads the same in
 * every language (2,5 and 2.5 would not). Every cell is read where the engine reads it
 * (`columns`, found by label). Plain Excel 2010 functions (IF, ISNUMBER, ISLOGICAL, INT,
 * ROW, TRIM, SUBSTITUTE, AND), no dynamic arrays.
 */
export function prioFlagFormula(layout: WerkbladLayout, row: number, columns: PrioFormulaColumns = PRIO_DEFAULT_COLUMNS): string {
  void layout;
  const at = (column: number) => `$${columnLetter(column)}${row}`;
  const p = at(columns.prioriteit);
  const name = at(columns.koppelkans);
  const position = `ROW()-${columns.firstRow - 1}`;
  const place = `IF(ISNUMBER(${p}),IF(AND(NOT(ISLOGICAL(${p})),${p}=INT(${p}),${p}>=1),${p},${position}),${position})`;
  // the same key as prioCheckKey: place|name under the matching rule (see names.ts); no rank
  const key = `${place}&"|"&${keyFormula(name)}`;
  return `=IF(IFERROR(${keyFormula(name)},"")="","",IF(${key}<>${at(columns.controle)},"${PRIORITERING.changedFlag}",IF(AND(${at(columns.afwijking)}=1,IFERROR(${cleanFormula(at(columns.omdat))},"")=""),"${PRIORITERING.deviationFlag}","")))`;
}

/**
 * The checklist's deadline year: the overstap date's year − 8, "" when the date cell holds
 * no date. A date is what `readChecklist` takes for one: a number in `agreedSerialRange`
 * (src/core/dates.ts: from 1 March 1900, or 2 January 1904, to 31 December 9999, the days
 * Excel, LibreOffice and the engine give the same year), not TRUE/FALSE (LibreOffice's
 * ISNUMBER counts those). `dateCell`: an A1 address on the checklist sheet; `system`: the
 * workbook's date system (the range's serials depend on it).
 */
export function checklistDeadlineFormula(dateCell: string, system?: DateSystem): string {
  const { min, maxExclusive } = agreedSerialRange(system);
  return `=IF(ISNUMBER(${dateCell}),IF(AND(NOT(ISLOGICAL(${dateCell})),${dateCell}>=${min},${dateCell}<${maxExclusive}),YEAR(${dateCell})-8,""),"")`;
}

export const CHECKLIST_LATE_TEXT = 'Let op: dit jaar is al voorbij';
export const CHECKLIST_ON_TIME_TEXT = 'Nog op tijd';

export function checklistLateFormula(deadlineCell: string): string {
  return `=IF(ISNUMBER(${deadlineCell}),IF(YEAR(TODAY())>${deadlineCell},"${CHECKLIST_LATE_TEXT}","${CHECKLIST_ON_TIME_TEXT}"),"")`;
}
