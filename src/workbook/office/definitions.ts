/**
 * The workbook's defined names and conditional formats through Office.js, for the question
 * before a factor column is deleted (`SnapshotRequest.definitions`,
 * src/core/referenceBreaks.ts). Excel itself moves them when the adapter deletes the column
 * (`Range.delete`); this only reads what is there, so the pane can name what breaks.
 *
 * Two syncs (one when no sheet has a conditional format):
 *  1. the workbook's names (`workbook.names`, ExcelApi 1.1; `NamedItem.formula`, 1.7) and every
 *     sheet's own names (`Worksheet.names`, 1.4), and every sheet's conditional formats
 *     (`Range.conditionalFormats` of the whole sheet: "the collection of ConditionalFormats
 *     that intersect the range", 1.6) with their type;
 *  2. each conditional format's ranges (`ConditionalFormat.getRanges()`, 1.9; without 1.9
 *     `getRangeOrNullObject()`, 1.6, which gives nothing for a format over several ranges)
 *     and its formulas: a custom format's `custom.rule.formula`, a cell-value format's
 *     `cellValue.rule` formula1/formula2 (1.6). Other kinds (colour scales, data bars, icon
 *     sets, top/bottom, text, presets) hold no formula of the team's here: only their ranges.
 * Data validations cannot be listed through Office.js (a validation is read per range, there
 * is no collection of a sheet's rules), so `unread` says so and the pane tells the team.
 *
 * Cell comments and notes, in the same two syncs (each collection in the first, each
 * item's cell in the second): threaded comments with ExcelApi 1.10 (`Worksheet.comments`,
 * `Comment.content`, `Comment.getLocation()`,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.comment), notes with 1.18
 * (`Worksheet.notes`, `Note.content`, `Note.getLocation()`,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.note). What the host cannot
 * give (the manifest asks only 1.8) is in `unread` ('comments', 'notes'), so the question
 * says it could not be checked. The fake (tests/workbook/office/fakeExcel.ts) models both;
 * not run against a real Excel.
 */
import type { CellCommentSnapshot, DefinedNameSnapshot, RangeRuleSnapshot, WorkbookDefinitions } from '../../core/snapshot';
import { areasOf } from './rangeAreas';

/** ConditionalFormat.getRanges (RangeAreas) needs ExcelApi 1.9. */
const RANGES_API = '1.9';
/** Worksheet.comments, Comment.content and getLocation need ExcelApi 1.10; Worksheet.notes and Note's, 1.18. */
const COMMENTS_API = '1.10';
const NOTES_API = '1.18';

const NAME_PROPS = 'items/name,items/formula';

/** An A1 area as the snapshot writes ranges: "B2" for a single cell ("B2:B2" from areasOf). */
const compact = (area: string) => {
  const [a, b] = area.split(':');
  return a === b ? a : area;
};

/** A condition's formula as Excel gives it, with "=" in front ("5" → "=5"); none for an empty one. */
const asFormula = (f: unknown): string[] => (typeof f === 'string' && f.trim() ? [f.startsWith('=') ? f : `=${f}`] : []);

/**
 * Reads the names and conditional formats of `sheets` (their names as the walk found them)
 * in two syncs (see the file comment). `supports`: the host's requirement-set check.
 */
export async function readDefinitions(
  context: Excel.RequestContext,
  sheets: string[],
  supports?: (name: string, version: string) => boolean,
): Promise<WorkbookDefinitions> {
  const queued = queueDefinitions(context, sheets, supports);
  await context.sync();
  return queued.finish();
}

/** The first sync's loads of readDefinitions, queued: `finish` (after that sync) makes the second sync when needed. */
export interface QueuedDefinitions {
  /** The sheet names the loads were queued for. */
  sheets: string[];
  finish(): Promise<WorkbookDefinitions>;
}

/**
 * Queues readDefinitions' first sync without syncing, so that a reader can send it with the
 * walk of the sheets (`sheets`: the names it expects the walk to find; the loads fail the
 * sync when one of them is gone).
 */
export function queueDefinitions(context: Excel.RequestContext, sheets: string[], supports?: (name: string, version: string) => boolean): QueuedDefinitions {
  const bookNames = context.workbook.names;
  bookNames.load(NAME_PROPS);
  const withComments = !!supports?.('ExcelApi', COMMENTS_API);
  const withNotes = !!supports?.('ExcelApi', NOTES_API);
  const perSheet = sheets.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    const names = ws.names;
    names.load(NAME_PROPS);
    const formats = ws.getRange().conditionalFormats;
    formats.load('items/type');
    const comments = withComments ? ws.comments.load('items/content') : null;
    const notes = withNotes ? ws.notes.load('items/content') : null;
    return { name, names, formats, comments, notes };
  });
  return { sheets, finish: () => finishDefinitions(context, bookNames, perSheet, withComments, withNotes, supports) };
}

async function finishDefinitions(
  context: Excel.RequestContext,
  bookNames: Excel.NamedItemCollection,
  perSheet: {
    name: string;
    names: Excel.NamedItemCollection;
    formats: Excel.ConditionalFormatCollection;
    comments: Excel.CommentCollection | null;
    notes: Excel.NoteCollection | null;
  }[],
  withComments: boolean,
  withNotes: boolean,
  supports?: (name: string, version: string) => boolean,
): Promise<WorkbookDefinitions> {
  const names: DefinedNameSnapshot[] = bookNames.items.map((n) => ({ name: n.name, formula: String(n.formula) }));
  for (const s of perSheet) names.push(...s.names.items.map((n) => ({ name: n.name, formula: String(n.formula), scope: s.name })));

  const withRanges = !!supports?.('ExcelApi', RANGES_API);
  const details = perSheet.flatMap((s) =>
    s.formats.items.map((cf) => {
      const ranges = withRanges ? cf.getRanges() : cf.getRangeOrNullObject();
      ranges.load('address');
      const custom = cf.type === 'Custom' ? cf.custom.rule.load('formula') : null;
      const cellValue = cf.type === 'CellValue' ? cf.cellValue.load('rule') : null;
      return { sheet: s.name, ranges, custom, cellValue };
    }),
  );
  const located = perSheet.flatMap((s) =>
    [...(s.comments?.items ?? []), ...(s.notes?.items ?? [])].map((c) => ({ sheet: s.name, content: c.content, location: c.getLocation().load('address') })),
  );
  if (details.length || located.length) await context.sync();
  const rules: RangeRuleSnapshot[] = [];
  for (const d of details) {
    if (d.ranges.isNullObject) continue;
    const formulas = d.custom
      ? asFormula(d.custom.formula)
      : d.cellValue
        ? [...asFormula(d.cellValue.rule.formula1), ...asFormula(d.cellValue.rule.formula2)]
        : [];
    rules.push({ kind: 'conditionalFormat', sheet: d.sheet, ranges: areasOf(d.ranges.address).map(compact), formulas });
  }
  const comments: CellCommentSnapshot[] = located.map((c) => ({
    sheet: c.sheet,
    cell: compact(areasOf(c.location.address)[0] ?? '').replace(/\$/g, ''),
    text: c.content,
  }));
  const unread: WorkbookDefinitions['unread'] = ['validations', ...(withComments ? [] : (['comments'] as const)), ...(withNotes ? [] : (['notes'] as const))];
  return { names, rules, ...(withComments || withNotes ? { comments } : {}), unread };
}
