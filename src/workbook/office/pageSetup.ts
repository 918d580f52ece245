/**
 * The setPageSetup plan op through Office.js: Worksheet.pageLayout (ExcelApi 1.9) with
 * orientation, zoom (fit N pages wide, any number tall), print title rows and print area.
 * Like the .xlsx writer, every field is set only where the sheet has no setting of its
 * own, so the team's print area, print titles, orientation and scaling are kept (a
 * 'pageSetupKept' warning when theirs differs from ours) and applying twice is applying
 * once. A host without ExcelApi 1.9 gets no page setup, with a 'pageSetupUnsupported'
 * warning per sheet.
 *
 * Cost: what is set is read in the sync of the plan's last write (no round trip of its
 * own), the settings are written in one more sync; neither grows with rows.
 */
import { parseRange, rangeAddress, sheetRef } from '../../core/a1';
import type { PlanOp } from '../../core/snapshot';
import type { ApplyWarning } from '../port';
import type { SheetCache } from './writeOps';

export type SetPageSetupOp = Extract<PlanOp, { kind: 'setPageSetup' }>;

/** Worksheet.pageLayout needs ExcelApi 1.9 (the add-in itself needs 1.8). */
export const PAGE_LAYOUT_API = '1.9';

/** What the sheet had before: queued loads, read after their sync. */
export interface PageSetupRead {
  op: SetPageSetupOp;
  layout: Excel.PageLayout;
  titles: Excel.Range;
  area: Excel.RangeAreas;
}

/** Queues the loads of what each op's sheet has set (no sync here). */
export function queuePageSetupReads(sheets: SheetCache, ops: SetPageSetupOp[]): PageSetupRead[] {
  return ops.map((op) => {
    const layout = sheets.get(op.sheet).pageLayout;
    layout.load('orientation,zoom');
    const titles = layout.getPrintTitleRowsOrNullObject();
    titles.load('address');
    const area = layout.getPrintAreaOrNullObject();
    area.load('address');
    return { op, layout, titles, area };
  });
}

/** "'Blad 1'!$A$1:$J$105" or "$5:$7" → "A1:J105" / "5:7": the cells, whatever the sheet prefix and anchors. */
function bare(address: string): string {
  const cells = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  return cells.replace(/\$/g, '').toUpperCase();
}

/** The print area as the .xlsx writer names it: 'Sheet'!$A$1:$J$105. */
function absoluteArea(sheet: string, range: string): string {
  const { start, end } = parseRange(range);
  const abs = (a: string) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const [first, last] = rangeAddress(start.row, start.column, end.row, end.column).split(':');
  return `${sheetRef(sheet)}!${abs(first)}${last ? `:${abs(last)}` : ''}`;
}

/**
 * Queues the page setup each read allows (call after the reads' sync) and returns the
 * warnings about the team's settings that were kept. Rules, per field:
 *  - scaling (fitToWidth): set when the sheet prints at 100% without "fit to pages";
 *  - orientation: Office.js cannot tell a chosen "Staand" from the default, so it is set
 *    only when the sheet's page setup is untouched (portrait, 100%, no print area or titles);
 *  - print titles / print area: set when the sheet has none; a different one of the team's
 *    is kept with a 'pageSetupKept' warning.
 */
export function queuePageSetupWrites(reads: PageSetupRead[]): { queued: number; warnings: ApplyWarning[] } {
  const warnings: ApplyWarning[] = [];
  let queued = 0;
  for (const { op, layout, titles, area } of reads) {
    const zoom = layout.zoom ?? {};
    const ownScaling = zoom.horizontalFitToPages != null || zoom.verticalFitToPages != null || (zoom.scale != null && zoom.scale !== 100);
    const ownTitles = !titles.isNullObject;
    const ownArea = !area.isNullObject;
    const untouched = layout.orientation !== 'Landscape' && !ownScaling && !ownTitles && !ownArea;
    if (op.orientation !== undefined && untouched && layout.orientation !== (op.orientation === 'landscape' ? 'Landscape' : 'Portrait')) {
      layout.orientation = op.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      queued++;
    }
    if (op.fitToWidth !== undefined && !ownScaling) {
      // verticalFitToPages 0: as many pages tall as needed (OOXML fitToHeight="0")
      layout.zoom = { horizontalFitToPages: op.fitToWidth, verticalFitToPages: 0 };
      queued++;
    }
    if (op.printTitleRows !== undefined) {
      const ours = `$${op.printTitleRows.first}:$${op.printTitleRows.last}`;
      if (!ownTitles) {
        layout.setPrintTitleRows(ours);
        queued++;
      } else if (bare(titles.address) !== bare(ours)) {
        warnings.push({ kind: 'pageSetupKept', sheet: op.sheet, name: 'Print_Titles', theirs: titles.address, ours: `${sheetRef(op.sheet)}!${ours}` });
      }
    }
    if (op.printArea !== undefined) {
      const ours = absoluteArea(op.sheet, op.printArea);
      if (!ownArea) {
        layout.setPrintArea(op.printArea);
        queued++;
      } else if (bare(area.address) !== bare(ours)) {
        warnings.push({ kind: 'pageSetupKept', sheet: op.sheet, name: 'Print_Area', theirs: area.address, ours });
      }
    }
  }
  return { queued, warnings };
}
