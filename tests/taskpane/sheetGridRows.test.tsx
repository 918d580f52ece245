/**
 * The preview's grid re-renders only rows whose content changed (one typed score re-renders
 * one row, not 300 × 26 cells): what a row shows must still follow every change, including
 * a computed value (a total, a rank) that changed while the row's own cells stayed the same.
 */
import { act, create, type ReactTestRenderer } from 'react-test-renderer';
import type { CellValue } from '../../src/core/snapshot';
import { ComputedSheet } from '../../src/taskpane/preview/computedCells';
import { GridRow, type GridRowProps } from '../../src/taskpane/preview/SheetGrid';

const styles = { rowHead: 'h', cell: 'c', clip: 'clip', number: 'n', formula: 'f', selected: 's' } as unknown as GridRowProps['styles'];

function row(props: Partial<GridRowProps>): JSX.Element {
  return (
    <table>
      <tbody>
        <GridRow
          row={2}
          cols={3}
          widths={[100, 100, 100, 100]}
          values={undefined}
          formulas={undefined}
          calc={undefined}
          selectedColumn={null}
          styles={styles}
          {...props}
        />
      </tbody>
    </table>
  );
}

/** Computed values of a sheet: [row ('*' for the rest of the column), column, value]. */
function calcOf(...entries: [number | '*', number, CellValue][]): ComputedSheet {
  const c = new ComputedSheet();
  for (const [row, column, v] of entries) c.set(row, column, v);
  return c;
}

function cells(r: ReactTestRenderer): string[] {
  return r.root.findAllByType('td').map((td) => td.children.map((c) => (typeof c === 'string' ? c : '')).join(''));
}

describe('SheetGrid rows', () => {
  test('a shared row shows a changed cell, a changed computed value and the selection', () => {
    const values: CellValue[] = ['A', 3, null];
    const formulas = [null, null, '=SUM(B2)'];
    let r!: ReactTestRenderer;
    act(() => {
      r = create(row({ values, formulas, calc: calcOf([2, 3, 3]) }));
    });
    expect(cells(r)).toEqual(['A', '3', '3']);
    // the same arrays, a new total computed for the row (another row's score moved it)
    act(() => r.update(row({ values, formulas, calc: calcOf([2, 3, 40]) })));
    expect(cells(r)).toEqual(['A', '3', '40']);
    // the rest-of-column default when the row has no own computed value
    act(() => r.update(row({ values, formulas, calc: calcOf(['*', 3, '']) })));
    expect(cells(r)).toEqual(['A', '3', '']);
    act(() => r.update(row({ values, formulas, calc: undefined })));
    expect(cells(r)).toEqual(['A', '3', 'ƒx']);
    // a new row array (a typed score)
    act(() => r.update(row({ values: ['A', 7, null], formulas, calc: calcOf([2, 3, 7]) })));
    expect(cells(r)).toEqual(['A', '7', '7']);
    // selected, then wider
    act(() => r.update(row({ values: ['A', 7, null], formulas, calc: calcOf([2, 3, 7]), selectedColumn: 2 })));
    expect(r.root.findAllByType('td')[1].props['data-selected']).toBe('true');
    act(() => r.update(row({ values: ['A', 7, null], formulas, calc: calcOf([2, 3, 7]), cols: 4 })));
    expect(cells(r)).toEqual(['A', '7', '7', '']);
    act(() => r.unmount());
  });

  test('a formula cell shows the computed value, not the stale one the opened file kept (regression: the total of a scored row stayed at its old value)', () => {
    // an opened .xlsx keeps each formula's last result; the page never recalculates it
    const formulas = [null, null, '=SUM(B2)'];
    let r!: ReactTestRenderer;
    act(() => {
      r = create(row({ values: ['A', 7, -13], formulas, calc: calcOf([2, 3, 7]) }));
    });
    expect(cells(r)).toEqual(['A', '7', '7']);
    // no value computed for the cell (a team's own formula): the kept result is all there is
    act(() => r.update(row({ values: ['A', 7, -13], formulas, calc: calcOf() })));
    expect(cells(r)).toEqual(['A', '7', '-13']);
    // a plain value is never replaced by a computed one
    act(() => r.update(row({ values: ['A', 7, -13], formulas: [null, null, null], calc: calcOf([2, 3, 7]) })));
    expect(cells(r)).toEqual(['A', '7', '-13']);
    act(() => r.unmount());
  });

  test('only a cell whose text may not fit its column is clipped (every clipped cell costs the browser a layer on each frame)', () => {
    let r!: ReactTestRenderer;
    const long = 'Een koppelkans met een heel lange naam die niet past';
    act(() => {
      r = create(row({ values: [long, -10, 'Kort'], formulas: [null, null, null], widths: [192, 59, 111, 36] }));
    });
    const clipped = () => r.root.findAllByType('td').map((td) => String(td.props.className).split(' ').includes('clip'));
    expect(clipped()).toEqual([true, false, false]);
    // a narrower column: the short text may not fit any more
    act(() => r.update(row({ values: [long, -10, 'Kort'], formulas: [null, null, null], widths: [192, 59, 50, 36] })));
    expect(clipped()).toEqual([true, false, true]);
    act(() => r.unmount());
  });
});
