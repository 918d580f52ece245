/**
 * A read-only view of one sheet of the preview's workbook, with sheet tabs; the cell
 * that the task pane selects (Controle) is highlighted and scrolled into view.
 */
import { makeStyles, mergeClasses, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { memo, useEffect, useRef, useState } from 'react';
import { cellAddress, columnLetter, parseCell } from '../../core/a1';
import { normalizeName, sameName } from '../../core/layout';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import type { Computed } from './computedCells';

export interface CellRef {
  sheet: string;
  cell: string;
}

const MAX_ROWS = 300;
const MAX_COLUMNS = 26;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
  tabs: { overflowX: 'auto', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexShrink: 0 },
  scroller: { overflow: 'auto', flexGrow: 1, minHeight: 0 },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
  },
  head: {
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
    maxWidth: '16em',
    minWidth: '3em',
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
  // scroll when the selection or the sheet changes, never on other re-renders
  // (the workbook is re-read after every edit; the user's scroll position stays)
  useEffect(() => {
    const el = scroller.current?.querySelector<HTMLElement>('[data-selected="true"]');
    if (el) el.scrollIntoView({ block: 'center', inline: 'center' });
    else scroller.current?.scrollTo?.(0, 0);
  }, [selected, current]);

  const sheet: SheetSnapshot | undefined = visible.find((s) => current !== null && sameName(s.name, current)) ?? visible[0];
  if (!sheet) return <Text className={styles.empty}>De werkmap heeft nog geen bladen.</Text>;

  const calc = computed?.get(normalizeName(sheet.name));
  const sel = selected && sameName(selected.sheet, sheet.name) ? safeParse(selected.cell) : null;
  const rows = Math.min(MAX_ROWS, Math.max(sheet.values.length, sheet.formulas?.length ?? 0, sel?.row ?? 0, 20));
  let cols = 0;
  for (const r of sheet.values) cols = Math.max(cols, r?.length ?? 0);
  cols = Math.min(MAX_COLUMNS, Math.max(cols, sel?.column ?? 0, 8));

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
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={mergeClasses(styles.head, styles.corner)} scope="col">
                <span hidden>Rij</span>
              </th>
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnLetter(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
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
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
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

/** What a formula cell of the row shows: its value, else the computed one (`calc`, by "row:column" or "*:column"). */
function shownValue(p: GridRowProps, c: number): { v: CellValue; formula: string | null } {
  const f = p.formulas?.[c];
  const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
  const raw = p.values?.[c] ?? null;
  const v = raw === null && formula ? (p.calc?.get(`${p.row}:${c + 1}`) ?? p.calc?.get(`*:${c + 1}`) ?? null) : raw;
  return { v, formula };
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
    <tr>
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
