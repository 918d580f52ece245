/**
 * Queues the plan's write items on a request context (no sync here).
 */
import { cellAddress, rangeAddress } from '../../core/a1';
import { blockAddress } from './cellWrites';
import type { WriteItem } from './chunking';
import { queueColumnWidths, queueFreeze, queueRowHeights, queueStyle } from './styles';
import { toOfficeValidation } from './validationMapping';

/** Worksheet proxies by name for one batch, so each sheet gets one object path. */
export class SheetCache {
  private readonly byName = new Map<string, Excel.Worksheet>();
  constructor(private readonly workbook: Excel.Workbook) {}

  get(name: string): Excel.Worksheet {
    const key = name.toLowerCase();
    let sheet = this.byName.get(key);
    if (!sheet) {
      sheet = this.workbook.worksheets.getItem(name);
      this.byName.set(key, sheet);
    }
    return sheet;
  }

  add(name: string): Excel.Worksheet {
    const sheet = this.workbook.worksheets.add(name);
    this.byName.set(name.toLowerCase(), sheet);
    return sheet;
  }
}

export function queueWriteItem(sheets: SheetCache, item: WriteItem): void {
  switch (item.kind) {
    case 'addSheet': {
      const sheet = sheets.add(item.sheet);
      if (item.hidden) sheet.visibility = 'Hidden';
      break;
    }
    case 'cells':
      sheets.get(item.sheet).getRange(blockAddress(item.block)).formulas = item.block.entries;
      break;
    case 'fill': {
      // the first formula, then Excel's own copy of it down the run (Range.copyFrom, ExcelApi 1.9), as a
      // paste in Excel: a destination that is a multiple of the source is filled with copies
      // (https://github.com/OfficeDev/office-js/issues/2674), relative rows moved as copyFormulaDown says
      const sheet = sheets.get(item.sheet);
      const first = sheet.getRange(cellAddress(item.row, item.column));
      first.formulas = [[item.formula]];
      sheet.getRange(rangeAddress(item.row + 1, item.column, item.row + item.count - 1, item.column)).copyFrom(first, 'Formulas');
      break;
    }
    case 'validation': {
      const dv = sheets.get(item.sheet).getRange(item.range).dataValidation;
      const v = toOfficeValidation(item.rule);
      dv.clear();
      dv.rule = v.rule;
      dv.errorAlert = v.errorAlert;
      dv.prompt = v.prompt;
      break;
    }
    case 'style':
      queueStyle(sheets.get(item.sheet).getRange(item.range), item.range, item.style);
      break;
    case 'widths':
      queueColumnWidths(sheets.get(item.sheet), item.widths);
      break;
    case 'heights':
      queueRowHeights(sheets.get(item.sheet), item.heights);
      break;
    case 'freeze':
      queueFreeze(sheets.get(item.sheet), item.rows, item.columns);
      break;
    case 'columns': {
      // whole columns: Excel moves every reference, merge, validation and format with them (ExcelApi 1.1)
      const range = sheets.get(item.sheet).getRange(item.columns);
      if (item.insert) range.insert('Right');
      else range.delete('Left');
      break;
    }
  }
}
