/**
 * The Excel formulas the engine writes, in en-US syntax. They compute in the workbook
 * itself exactly what the engine computes, so the workbook keeps working for a
 * colleague without the add-in. Only functions from Excel 2010 or older are used.
 */
import { cellAddress, columnLetter, sheetRef } from './a1';
import { LIJSTEN, PRIORITERING, RESULTAAT, WERKBLAD } from './layout';
import type { LonglistLayout } from './longlist';
import type { WerkbladLayout } from './werkblad';

/**
 * Weighted total of one werkblad row: "" when nothing is scored; "ongeldig" when a
 * score is not a whole number from -10 to 10 or a scored factor has an invalid
 * weight; else Σ weight × score.
 */
export function totalFormula(layout: WerkbladLayout, row: number): string {
  const a = columnLetter(layout.firstFactorColumn);
  const b = columnLetter(layout.lastFactorColumn);
  const s = `${a}${row}:${b}${row}`;
  const w = `${a}$${WERKBLAD.weightRow}:${b}$${WERKBLAD.weightRow}`;
  const bad = `"${WERKBLAD.invalidTotal}"`;
  return (
    `=IF(COUNTA(${s})=0,"",` +
    `IF(COUNT(${s})<>COUNTA(${s}),${bad},` +
    `IF(SUMPRODUCT((${s}<>INT(${s}))+(${s}<-10)+(${s}>10))>0,${bad},` +
    `IF(SUMPRODUCT((${s}<>"")*((1-ISNUMBER(${w}))+(${w}<0)))>0,${bad},` +
    `SUMPRODUCT(${w},${s})))))`
  );
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

/** The longlist's covered rows: header+1 .. header+capacity. */
export function longlistCapacity(ll: LonglistLayout): { first: number; last: number } {
  const first = ll.headerRow + 1;
  const used = ll.lastRow - ll.headerRow;
  const capacity = Math.max(1000, used + 500);
  return { first, last: ll.headerRow + capacity };
}

function longlistRefs(ll: LonglistLayout) {
  const ls = sheetRef(ll.sheet);
  const { first, last } = longlistCapacity(ll);
  const o = columnLetter(ll.opgaveColumn);
  const k = columnLetter(ll.koppelkansColumn);
  return {
    opgaven: `${ls}!$${o}$${first}:$${o}$${last}`,
    koppelkansen: `${ls}!$${k}$${first}:$${k}$${last}`,
    koppelkansCol: `${ls}!$${k}:$${k}`,
    opgaveCol: `${ls}!$${o}:$${o}`,
    capacity: last - first + 1,
  };
}

/**
 * Keuzelijsten (hidden helper sheet):
 *  - A1 label, A2.. every koppelkans of the longlist, compacted (no gaps);
 *  - B1.. the distinct opgaven in order of first appearance;
 *  - below each opgave, its koppelkansen, compacted.
 */
export function lijstenAllFormula(ll: LonglistLayout, row: number): string {
  const r = longlistRefs(ll);
  const k = row - 1;
  return `=IFERROR(INDEX(${r.koppelkansCol},AGGREGATE(15,6,ROW(${r.koppelkansen})/(${r.koppelkansen}<>""),${k})),"")`;
}

export function lijstenOpgaveFormula(ll: LonglistLayout, column: number): string {
  const r = longlistRefs(ll);
  const prev = `$A$1:${columnLetter(column - 1)}$1`;
  return `=IFERROR(INDEX(${r.opgaven},MATCH(0,INDEX(COUNTIF(${prev},${r.opgaven})+(${r.opgaven}=""),0),0)),"")`;
}

export function lijstenKoppelkansFormula(ll: LonglistLayout, column: number, row: number): string {
  const r = longlistRefs(ll);
  const head = `${columnLetter(column)}$1`;
  const k = row - 1;
  return (
    `=IF(${head}="","",IFERROR(INDEX(${r.koppelkansCol},` +
    `AGGREGATE(15,6,ROW(${r.koppelkansen})/((${r.opgaven}=${head})*(${r.koppelkansen}<>"")),${k})),""))`
  );
}

function lijstenRefs(lijstenSheet: string) {
  const ls = sheetRef(lijstenSheet);
  const lastCol = columnLetter(1 + LIJSTEN.maxOpgaven);
  return { ls, header: `${ls}!$B$1:$${lastCol}$1` };
}

/** Dropdown source for the opgave cells: the distinct opgaven (row 1 of Keuzelijsten). */
export function opgaveListSource(lijstenSheet: string): string {
  const { ls, header } = lijstenRefs(lijstenSheet);
  return `=OFFSET(${ls}!$B$1,0,0,1,MAX(1,COUNTIF(${header},"?*")))`;
}

/**
 * Dropdown source for the koppelkans cell in `row` (relative to the top-left cell of
 * the validation range): the koppelkansen of that row's opgave; all koppelkansen
 * when the opgave is empty or unknown.
 */
export function koppelkansListSource(lijstenSheet: string, firstRow: number, longlistCapacityRows: number): string {
  const { ls, header } = lijstenRefs(lijstenSheet);
  const col = `IFERROR(MATCH($A${firstRow},${header},0),0)`;
  const height = `IF(${col}=0,${longlistCapacityRows},${LIJSTEN.perOpgave})`;
  return `=OFFSET(${ls}!$A$2,0,${col},MAX(1,COUNTIF(OFFSET(${ls}!$A$2,0,${col},${height},1),"?*")),1)`;
}

/** Resultaat row formulas for place k (1-based); row is the sheet row. */
export function resultaatRowFormulas(layout: WerkbladLayout, k: number, row: number): string[] {
  const w = werkbladRefs(layout);
  const T = w.totals;
  const d = `$D${row}`;
  const f = `$F${row}`;
  return [
    `=IF(${d}="","",RANK(${d},${T}))`,
    `=IF(${f}="","",INDEX(${w.opgaveCol},${f})&"")`,
    `=IF(${f}="","",INDEX(${w.koppelkansCol},${f})&"")`,
    `=IF(${k}>COUNT(${T}),"",IF(RANK(LARGE(${T},${k}),${T})>${RESULTAAT.topN},"",LARGE(${T},${k})))`,
    `=IF(${f}="","",COUNT(INDEX(${w.scoreCols},${f},0))&" van "&COLUMNS(${w.factorHeader}))`,
    `=IF(${d}="","",AGGREGATE(15,6,ROW(${T})/(${T}=${d}),${k}-RANK(${d},${T})+1))`,
  ];
}

/** Visible warning when more rows share the top places than there are formula rows. */
export function resultaatOverflowFormula(layout: WerkbladLayout, capacity: number): string {
  const T = werkbladRefs(layout).totals;
  return (
    `=IF(COUNT(${T})=0,"",IF(SUMPRODUCT(ISNUMBER(${T})*(${T}>=LARGE(${T},MIN(${RESULTAAT.topN},COUNT(${T})))))>${capacity},` +
    `"Let op: meer koppelkansen delen de top ${RESULTAAT.topN} dan hier passen; werk het Resultaat bij met de add-in.",""))`
  );
}

/**
 * Visible "out of date" warning for the static part of Resultaat (the rows left out
 * and why): compares the live counts with the counts when the engine wrote it.
 */
export function resultaatStaleFormula(layout: WerkbladLayout, invalidCount: number, unscoredCount: number): string {
  const w = werkbladRefs(layout);
  const T = w.totals;
  return (
    `=IF(OR(COUNTIF(${T},"${WERKBLAD.invalidTotal}")<>${invalidCount},COUNTIFS(${w.koppelkansen},"?*",${T},"")<>${unscoredCount},COUNTA(${w.below})>0),` +
    `"Let op: het werkblad is gewijzigd sinds de add-in dit blad bijwerkte; de lijst 'Niet in de ranglijst' kan verouderd zijn. De top 15 hierboven is wel actueel.","")`
  );
}

/** Prioritering: the automatic rank of the entry in `row` (column E). */
export function prioRankFormula(layout: WerkbladLayout, row: number): string {
  const w = werkbladRefs(layout);
  return `=IF(TRIM($B${row})="","",IFERROR(RANK(INDEX(${w.totals},MATCH(TRIM($B${row}),${w.koppelkansen},0)),${w.totals}),"–"))`;
}

/**
 * Prioritering, column Signaal. Which entries deviate (the fewest entries whose removal
 * leaves the rest in automatic order, see `deviatingEntries`) cannot be computed by an
 * Excel 2010 formula, so the engine writes its verdict per row (`afwijking`: 1 or 0) with
 * the team's order it saw (`controle`: place|koppelkans, see `prioCheckKey`). The formula
 * shows "Afwijking zonder reden" for a flagged entry while Omdat… is empty, and a visible
 * "Volgorde gewijzigd sinds de laatste controle" only when the place or the koppelkans of
 * the row differs from that record: someone reordered the team's list by hand without the
 * add-in. A score change that moves automatic ranks is not a reorder and shows nothing.
 * Plain Excel 2010 functions (IF, ISNUMBER, ROW, TRIM, AND), no dynamic arrays.
 */
export function prioFlagFormula(layout: WerkbladLayout, row: number, columns: { controle: number; afwijking: number } = { controle: 7, afwijking: 8 }): string {
  void layout;
  const g = `$${columnLetter(columns.controle)}${row}`;
  const h = `$${columnLetter(columns.afwijking)}${row}`;
  const place = `IF(ISNUMBER($A${row}),$A${row},ROW()-${PRIORITERING.firstRow - 1})`;
  const key = `${place}&"|"&TRIM($B${row})`;
  return `=IF(TRIM($B${row})="","",IF(${key}<>${g},"${PRIORITERING.changedFlag}",IF(AND(${h}=1,TRIM($C${row})=""),"${PRIORITERING.deviationFlag}","")))`;
}

export function checklistDeadlineFormula(dateCell: string): string {
  return `=IF(ISNUMBER(${dateCell}),YEAR(${dateCell})-8,"")`;
}

export function checklistLateFormula(deadlineCell: string): string {
  return `=IF(ISNUMBER(${deadlineCell}),IF(YEAR(TODAY())>${deadlineCell},"Let op: dit jaar is al voorbij","Nog op tijd"),"")`;
}

export { cellAddress };
