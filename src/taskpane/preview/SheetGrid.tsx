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
import type { Computed, ComputedSheet } from './computedCells';
import { ComputedLengths, display, MAX_COLUMNS, mayOverflow, SheetLengths, textWidth } from './columnWidths';

export interface CellRef {
  sheet: string;
  cell: string;
}

/** Excel's last row: a sheet's used range never goes further. */
const MAX_ROWS = 1_048_576;
/** An empty sheet still shows a grid of this many rows and columns. */
const MIN_ROWS = 20;
const MIN_COLUMNS = 8;
/** Height of every grid row, the header row included, in CSS pixels (one line of text; cells never wrap). */
const ROW_HEIGHT = 22;
/** Rows rendered above and below the ones in view (keyboard and wheel scrolling show rows already there). */
const OVERSCAN = 12;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
  tabs: { overflowX: 'auto', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexShrink: 0 },
  // contained: what changes in the grid (a re-read) is laid out and painted without the page around it
  scroller: { overflow: 'auto', flexGrow: 1, minHeight: 0, contain: 'content' },
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
    whiteSpace: 'nowrap',
    padding: '2px 6px',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  // only on a cell whose text may be wider than its column (see mayOverflow): every clipped cell
  // costs the browser a layer of its own to sort out on every frame (1,500 cells in view: ~10 ms)
  clip: { overflow: 'hidden', textOverflow: 'ellipsis' },
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

  // the tabs' names, the same array while no sheet is added, removed, renamed, hidden or shown
  // (joined by NUL, which no sheet name can hold: a workbook's XML cannot carry it)
  const namesKey = visible.map((s) => s.name).join('\u0000');
  const names = useMemo(() => (namesKey ? namesKey.split('\u0000') : []), [namesKey]);
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
      <SheetTabs className={styles.tabs} names={names} selected={sheet.name} onSelect={setCurrent} />
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
                  widths={widths}
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

/** The sheet tabs above the grid. Memoised: a re-read after a typed score does not render them again. */
const SheetTabs = memo(function SheetTabs({
  className,
  names,
  selected,
  onSelect,
}: {
  className: string;
  names: readonly string[];
  selected: string;
  onSelect: (name: string) => void;
}) {
  return (
    <TabList className={className} size="small" selectedValue={selected} onTabSelect={(_, d) => onSelect(String(d.value))} aria-label="Bladen van de werkmap">
      {names.map((name) => (
        <Tab key={name} value={name}>
          {name}
        </Tab>
      ))}
    </TabList>
  );
});

/**
 * The grid's column widths in CSS pixels, one per column shown (at least 8, at most 26, and
 * the selected column): each as wide as its longest text (values, and the computed values of
 * its formula cells), between MIN_WIDTH and MAX_WIDTH. Widths are fixed (`table-layout:
 * fixed`), so they do not jump while only the rows in view are rendered; they are measured over
 * every row of the sheet, kept per sheet from one read to the next (./columnWidths: a typed
 * score measures one row and one total again, not 5,000 rows).
 */
function useColumnWidths(sheet: SheetSnapshot | undefined, calc: ComputedSheet | undefined, selColumn: number): number[] {
  /** Per sheet (normalised name): the lengths of its last read. */
  const [kept] = useState(() => new Map<string, { values: SheetLengths; computed: ComputedLengths; widths: number[] }>());
  return useMemo(() => {
    if (!sheet) return [];
    const key = normalizeName(sheet.name);
    let k = kept.get(key);
    if (!k) {
      k = { values: new SheetLengths(), computed: new ComputedLengths(), widths: [] };
      kept.set(key, k);
    }
    k.values.update(sheet.values, sheet.formulas);
    k.computed.update(calc);
    const longest: number[] = [];
    for (let c = 0; c < Math.min(MAX_COLUMNS, Math.max(k.values.columns, k.computed.columns)); c++) {
      const n = Math.max(k.values.longest(c), k.computed.longest(c));
      if (n > 0) longest[c] = n;
    }
    const cols = Math.min(MAX_COLUMNS, Math.max(longest.length, selColumn, MIN_COLUMNS));
    const widths = Array.from({ length: cols }, (_, c) => textWidth(longest[c] ?? 0));
    // the same array while no width changed: the rows in view are not rendered again for it
    if (widths.length !== k.widths.length || widths.some((w, c) => w !== k.widths[c])) k.widths = widths;
    return k.widths;
  }, [sheet, calc, selColumn, kept]);
}

/** What one row of the grid shows (the values and formulas arrays are the snapshot's own rows). */
export interface GridRowProps {
  /** 1-based row number. */
  row: number;
  cols: number;
  /** Width of each column in CSS pixels (a text that may not fit is clipped with an ellipsis). */
  widths: readonly number[];
  values: readonly CellValue[] | undefined;
  formulas: readonly (string | null | undefined)[] | undefined;
  calc: ComputedSheet | undefined;
  /** The selected cell's column in this row (1-based), or null. */
  selectedColumn: number | null;
  styles: ReturnType<typeof useStyles>;
}

/** What a cell of the row shows: its value; for a formula cell the value the engine computed (`calc`: the row's own, else the rest of the column's) when there is one, else the value it holds. */
function shownValue(p: GridRowProps, c: number): { v: CellValue; formula: string | null } {
  const f = p.formulas?.[c];
  const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
  const raw = p.values?.[c] ?? null;
  if (!formula) return { v: raw, formula };
  // the page never calculates: a value kept in the file (or written before) is stale after the
  // first typed score, so what the engine computes for the cell wins over it
  const computed = p.calc?.at(p.row, c + 1);
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
    a.widths !== b.widths ||
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
  const { row, cols, widths, selectedColumn, styles } = p;
  return (
    <tr aria-rowindex={row + 1}>
      <th className={styles.rowHead} scope="row">
        {row}
      </th>
      {Array.from({ length: cols }, (_, c) => {
        const { v, formula } = shownValue(p, c);
        const isSel = selectedColumn === c + 1;
        const showFormula = v === null && formula !== null;
        const text = showFormula ? 'ƒx' : display(v);
        return (
          <td
            key={c}
            data-selected={isSel ? 'true' : undefined}
            title={formula ?? undefined}
            aria-label={isSel ? `${cellAddress(row, c + 1)}, geselecteerd` : undefined}
            className={mergeClasses(
              styles.cell,
              mayOverflow(text, widths[c] ?? 0) && styles.clip,
              typeof v === 'number' && styles.number,
              showFormula && styles.formula,
              isSel && styles.selected,
            )}
          >
            {text}
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
