/**
 * A read-only view of one sheet of the preview's workbook, with sheet tabs; the cell
 * that the task pane selects (Controle) is highlighted and scrolled into view. The whole
 * sheet can be scrolled through, but only the rows in view are rendered (virtualised with
 * @tanstack/react-virtual), so a re-read after a typed score costs the same at 5,000 rows
 * as at 50.
 */
import { makeStyles, mergeClasses, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { cellAddress, columnLetter, parseCell } from '../../core/a1';
import { normalizeName, sameName } from '../../core/layout';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import type { Computed } from './computedCells';

export interface CellRef {
  sheet: string;
  cell: string;
}

/** Excel's last row: a sheet's used range never goes further. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 26;
/** An empty sheet still shows a grid of this many rows and columns. */
const MIN_ROWS = 20;
const MIN_COLUMNS = 8;
/** Height of every grid row, the header row included, in CSS pixels (one line of text; cells never wrap). */
const ROW_HEIGHT = 22;
/** Rows rendered above and below the ones in view (keyboard and wheel scrolling show rows already there). */
const OVERSCAN = 12;
/** Column widths in CSS pixels: room per character at the grid's font size, the cell's padding and border, and the bounds. */
const CHAR_WIDTH = 6.5;
const CELL_PADDING = 13;
const MIN_WIDTH = 36;
const MAX_WIDTH = 192;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
  tabs: { overflowX: 'auto', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexShrink: 0 },
  scroller: { overflow: 'auto', flexGrow: 1, minHeight: 0 },
  table: {
    // fixed column widths (see useColumnWidths): laying out the rows in view never needs the others
    tableLayout: 'fixed',
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
  },
  head: {
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    padding: '2px 6px',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: {
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    position: 'sticky',
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'right',
    padding: '2px 6px',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  corner: { left: 0, zIndex: 2 },
  cell: {
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    padding: '2px 6px',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  number: { textAlign: 'right' },
  formula: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorBrandBackground2,
  },
  spacer: { '& td': { padding: 0, border: 'none' } },
  empty: { padding: tokens.spacingHorizontalM },
});

function display(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'WAAR' : 'ONWAAR';
  if (typeof v === 'number') return String(Math.round(v * 100) / 100).replace('.', ',');
  return v;
}

export interface SheetGridProps {
  snapshot: WorkbookSnapshot | null;
  /** The cell the pane selected (Controle): shown, highlighted and scrolled to. */
  selected: CellRef | null;
  /** Values of formula cells the page cannot calculate. */
  computed?: Computed;
  /** A sheet to show because the pane moved to its view (a new object each time). */
  follow?: { sheet: string } | null;
}

export function SheetGrid({ snapshot, selected, computed, follow }: SheetGridProps) {
  const styles = useStyles();
  const visible = (snapshot?.sheets ?? []).filter((s) => !s.hidden);
  const [current, setCurrent] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (selected) setCurrent(selected.sheet);
  }, [selected]);
  useEffect(() => {
    if (follow) setCurrent(follow.sheet);
  }, [follow]);

  const sheet: SheetSnapshot | undefined = visible.find((s) => current !== null && sameName(s.name, current)) ?? visible[0];
  const calc = sheet ? computed?.get(normalizeName(sheet.name)) : undefined;
  const sel = sheet && selected && sameName(selected.sheet, sheet.name) ? safeParse(selected.cell) : null;
  const rows = sheet ? Math.min(MAX_ROWS, Math.max(sheet.values.length, sheet.formulas?.length ?? 0, sel?.row ?? 0, MIN_ROWS)) : 0;
  const widths = useColumnWidths(sheet, calc, sel?.column ?? 0);
  const cols = widths.length;
  const rowHeadWidth = textWidth(String(rows).length);

  // only the rows in view (plus OVERSCAN above and below) are in the DOM: a 5,000-row sheet
  // costs the browser's style and layout of about 60 rows, on every re-read as on scrolling
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // the sticky header row sits above the first sheet row inside the scroller
    scrollMargin: ROW_HEIGHT,
  });

  // scroll when the selection or the sheet changes, never on other re-renders
  // (the workbook is re-read after every edit; the user's scroll position stays)
  const sheetName = sheet?.name ?? null;
  const selRow = sel?.row ?? null;
  const selColumn = sel?.column ?? null;
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (selRow === null || selColumn === null) {
      el.scrollTo?.(0, 0);
      return;
    }
    virtualizer.scrollToIndex(selRow - 1, { align: 'center' });
    // horizontally: the selected column in the middle, as far as the sheet allows
    const left = rowHeadWidth + widths.slice(0, selColumn - 1).reduce((a, b) => a + b, 0);
    const width = widths[selColumn - 1] ?? 0;
    el.scrollLeft = Math.max(0, left - (el.clientWidth - rowHeadWidth - width) / 2);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new selection or another sheet scrolls; widths and the virtualizer follow every re-read
  }, [selected, sheetName, selRow, selColumn]);

  if (!sheet) return <Text className={styles.empty}>De werkmap heeft nog geen bladen.</Text>;

  const items = virtualizer.getVirtualItems();
  const before = items.length ? items[0].start - ROW_HEIGHT : 0;
  const after = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const tableWidth = rowHeadWidth + widths.reduce((a, b) => a + b, 0);

  return (
    <div className={styles.root}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={sheet.name}
        onTabSelect={(_, d) => setCurrent(String(d.value))}
        aria-label="Bladen van de werkmap"
      >
        {visible.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.scroller} ref={scroller} tabIndex={0} role="region" aria-label={`Inhoud van blad ${sheet.name} (alleen lezen)`}>
        <table className={styles.table} style={{ width: tableWidth }} aria-rowcount={rows + 1} aria-colcount={cols + 1}>
          <colgroup>
            <col style={{ width: rowHeadWidth }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th className={mergeClasses(styles.head, styles.corner)} scope="col">
                <span hidden>Rij</span>
              </th>
              {widths.map((_, c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnLetter(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {before > 0 && (
              <tr aria-hidden="true" className={styles.spacer} style={{ height: before }}>
                <td colSpan={cols + 1} />
              </tr>
            )}
            {items.map((item) => {
              const r = item.index;
              return (
                <GridRow
                  key={r}
                  row={r + 1}
                  cols={cols}
                  values={sheet.values[r]}
                  formulas={sheet.formulas?.[r]}
                  calc={calc}
                  selectedColumn={sel !== null && sel.row === r + 1 ? sel.column : null}
                  styles={styles}
                />
              );
            })}
            {after > 0 && (
              <tr aria-hidden="true" className={styles.spacer} style={{ height: after }}>
                <td colSpan={cols + 1} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Width in CSS pixels of a column showing at most `chars` characters (clamped between MIN_WIDTH and MAX_WIDTH). */
function textWidth(chars: number): number {
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.ceil(chars * CHAR_WIDTH) + CELL_PADDING));
}

/** What a cell's text is for measuring: its value as the grid shows it, 'ƒx' for a formula without a value. */
function shownLength(v: CellValue | undefined, formula: string | null | undefined): number {
  if (v === null || v === undefined) return typeof formula === 'string' && formula.startsWith('=') ? 2 : 0;
  return display(v).length;
}

/** Per row (its values array, shared between reads while unchanged): the text length of each cell, valid for `formulas`. */
const rowLengths = new WeakMap<object, { values: unknown; formulas: unknown; lengths: number[] }>();

/** The text length of each cell of one row (at most MAX_COLUMNS), cached while its values and formulas arrays are the same. */
function lengthsOf(values: readonly CellValue[] | undefined, formulas: readonly (string | null | undefined)[] | undefined): number[] {
  const key = values ?? formulas;
  if (!key) return [];
  const hit = rowLengths.get(key);
  if (hit && hit.values === values && hit.formulas === formulas) return hit.lengths;
  const n = Math.min(MAX_COLUMNS, Math.max(values?.length ?? 0, formulas?.length ?? 0));
  const lengths = Array.from({ length: n }, (_, c) => shownLength(values?.[c], formulas?.[c]));
  rowLengths.set(key, { values, formulas, lengths });
  return lengths;
}

/**
 * The grid's column widths in CSS pixels, one per column shown (at least 8, at most 26, and
 * the selected column): each as wide as its longest text (values, and the computed values of
 * its formula cells), between MIN_WIDTH and MAX_WIDTH. Widths are fixed (`table-layout:
 * fixed`), so they do not jump while only the rows in view are rendered; they are measured over
 * every row of the sheet, with each row's lengths cached (a typed score measures one row again).
 */
function useColumnWidths(sheet: SheetSnapshot | undefined, calc: Map<string, CellValue> | undefined, selColumn: number): number[] {
  return useMemo(() => {
    if (!sheet) return [];
    const longest: number[] = [];
    const grow = (c: number, n: number) => {
      if (c >= 0 && c < MAX_COLUMNS && n > (longest[c] ?? 0)) longest[c] = n;
    };
    const height = Math.max(sheet.values.length, sheet.formulas?.length ?? 0);
    for (let r = 0; r < height; r++) {
      const lengths = lengthsOf(sheet.values[r], sheet.formulas?.[r]);
      for (let c = 0; c < lengths.length; c++) grow(c, lengths[c]);
    }
    calc?.forEach((v, key) => grow(Number(key.slice(key.indexOf(':') + 1)) - 1, shownLength(v, null)));
    const cols = Math.min(MAX_COLUMNS, Math.max(longest.length, selColumn, MIN_COLUMNS));
    return Array.from({ length: cols }, (_, c) => textWidth(longest[c] ?? 0));
  }, [sheet, calc, selColumn]);
}

/** What one row of the grid shows (the values and formulas arrays are the snapshot's own rows). */
export interface GridRowProps {
  /** 1-based row number. */
  row: number;
  cols: number;
  values: readonly CellValue[] | undefined;
  formulas: readonly (string | null | undefined)[] | undefined;
  calc: Map<string, CellValue> | undefined;
  /** The selected cell's column in this row (1-based), or null. */
  selectedColumn: number | null;
  styles: ReturnType<typeof useStyles>;
}

/** What a cell of the row shows: its value; for a formula cell the value the engine computed (`calc`, by "row:column" or "*:column") when there is one, else the value it holds. */
function shownValue(p: GridRowProps, c: number): { v: CellValue; formula: string | null } {
  const f = p.formulas?.[c];
  const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
  const raw = p.values?.[c] ?? null;
  if (!formula) return { v: raw, formula };
  // the page never calculates: a value kept in the file (or written before) is stale after the
  // first typed score, so what the engine computes for the cell wins over it
  const computed = p.calc?.get(`${p.row}:${c + 1}`) ?? p.calc?.get(`*:${c + 1}`);
  return { v: computed !== undefined ? computed : raw, formula };
}

/**
 * Re-rendered only when something it shows changed: its values or formulas (the snapshot
 * shares unchanged rows between reads), the width, the selection in it, or a computed value
 * of one of its formula cells. One typed score re-renders one row, not 300 × 26 cells.
 */
function sameRow(a: GridRowProps, b: GridRowProps): boolean {
  if (
    a.row !== b.row ||
    a.cols !== b.cols ||
    a.values !== b.values ||
    a.formulas !== b.formulas ||
    a.selectedColumn !== b.selectedColumn ||
    a.styles !== b.styles
  )
    return false;
  if (a.calc === b.calc || !b.formulas) return true;
  for (let c = 0; c < b.cols; c++) if (shownValue(a, c).v !== shownValue(b, c).v) return false;
  return true;
}

/** One row of the grid: a header cell with the row number and `cols` cells (formula cells show their computed value, else ƒx). Memoised by `sameRow`. */
export const GridRow = memo(function GridRow(p: GridRowProps) {
  const { row, cols, selectedColumn, styles } = p;
  return (
    <tr aria-rowindex={row + 1}>
      <th className={styles.rowHead} scope="row">
        {row}
      </th>
      {Array.from({ length: cols }, (_, c) => {
        const { v, formula } = shownValue(p, c);
        const isSel = selectedColumn === c + 1;
        const showFormula = v === null && formula !== null;
        return (
          <td
            key={c}
            data-selected={isSel ? 'true' : undefined}
            title={formula ?? undefined}
            aria-label={isSel ? `${cellAddress(row, c + 1)}, geselecteerd` : undefined}
            className={mergeClasses(styles.cell, typeof v === 'number' && styles.number, showFormula && styles.formula, isSel && styles.selected)}
          >
            {showFormula ? 'ƒx' : display(v)}
          </td>
        );
      })}
    </tr>
  );
}, sameRow);

function safeParse(cell: string): { row: number; column: number } | null {
  try {
    return parseCell(cell);
  } catch {
    return null;
  }
}
