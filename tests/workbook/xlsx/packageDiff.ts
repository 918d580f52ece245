/**
 * Test helper: what changed between two .xlsx packages, at the level the issue asks
 * about ("every part, and every cell, validation and name outside the plan's ops, is
 * unchanged"). Returns a list of human-readable differences; empty = faithful.
 */
import JSZip from 'jszip';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { cellAddress, columnNumber, parseCell } from '../../../src/core/a1';
import type { PlanOp } from '../../../src/core/snapshot';
import { containsCell, overlaps, rectOf, subtract, type Rect } from '../../../src/workbook/rectangles';
import { fullAddress } from '../../../src/workbook/xlsx/largeValidations';

const ser = new XMLSerializer();
const xml = (e: Element) => ser.serializeToString(e);
const parse = (s: string) => new DOMParser().parseFromString(s, 'text/xml').documentElement!;

function kids(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (!name || (n as Element).localName === name)) out.push(n as Element);
  return out;
}

/** Sheet name → part path, from workbook.xml and its relationships. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = parse(await zip.file('xl/workbook.xml')!.async('string'));
  const rels = parse(await zip.file('xl/_rels/workbook.xml.rels')!.async('string'));
  const target = new Map(kids(rels, 'Relationship').map((r) => [r.getAttribute('Id'), r.getAttribute('Target')!]));
  const out = new Map<string, string>();
  for (const s of kids(kids(wb, 'sheets')[0], 'sheet')) {
    const t = target.get(s.getAttribute('r:id'))!;
    out.set(s.getAttribute('name')!.toLowerCase(), t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  return out;
}

interface Covered {
  cells: Rect[];
  styles: Rect[];
  validations: Rect[];
  columns: boolean;
  panes: boolean;
}

function coverage(ops: PlanOp[]): Map<string, Covered> {
  const out = new Map<string, Covered>();
  const of = (sheet: string) => {
    const k = sheet.toLowerCase();
    if (!out.has(k)) out.set(k, { cells: [], styles: [], validations: [], columns: false, panes: false });
    return out.get(k)!;
  };
  for (const op of ops) {
    switch (op.kind) {
      case 'setCells': {
        const p = parseCell(op.cell);
        const width = Math.max(1, ...op.cells.map((l) => l.length));
        of(op.sheet).cells.push({ top: p.row, left: p.column, bottom: p.row + op.cells.length - 1, right: p.column + width - 1 });
        break;
      }
      case 'appendRows':
        of(op.sheet).cells.push({ top: op.minRow, left: columnNumber(op.firstColumn), bottom: 1048576, right: 16384 });
        break;
      case 'updateRowByKey':
        of(op.sheet).cells.push({ top: op.minRow, left: columnNumber(op.firstColumn), bottom: 1048576, right: 16384 });
        break;
      case 'setStyle':
        of(op.sheet).styles.push(rectOf(op.range));
        break;
      case 'setValidation':
        of(op.sheet).validations.push(rectOf(op.range));
        break;
      case 'setColumnWidths':
        of(op.sheet).columns = true;
        break;
      case 'freeze':
        of(op.sheet).panes = true;
        break;
      default:
        break;
    }
  }
  return out;
}

const inAny = (rects: Rect[], r: number, c: number) => rects.some((x) => containsCell(x, r, c));

function cellsOf(ws: Element): Map<string, Element> {
  const out = new Map<string, Element>();
  const data = kids(ws, 'sheetData')[0];
  for (const row of data ? kids(data, 'row') : []) for (const c of kids(row, 'c')) out.set(c.getAttribute('r')!, c);
  return out;
}

/** The content of a cell without its format: t attribute and f / v / is children. */
function content(c: Element | undefined): string {
  if (!c) return '';
  return `${c.getAttribute('t') ?? ''}|${kids(c)
    .filter((k) => k.localName !== 'extLst')
    .map(xml)
    .join('')}`;
}

function validations(ws: Element): { key: string; rects: Rect[] }[] {
  const out: { key: string; rects: Rect[] }[] = [];
  const dvs = kids(ws, 'dataValidations')[0];
  for (const dv of dvs ? kids(dvs, 'dataValidation') : []) {
    const clone = dv.cloneNode(true) as Element;
    clone.removeAttribute('sqref');
    out.push({
      key: xml(clone),
      rects: (dv.getAttribute('sqref') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((a) => rectOf(fullAddress(a))),
    });
  }
  return out;
}

/**
 * Differences between `before` and `after` outside what `ops` (resolved: the adapter's
 * appliedOps) name. Parts the writer may touch are compared element by element.
 */
export async function packageDiff(before: Uint8Array, after: Uint8Array, ops: PlanOp[]): Promise<string[]> {
  const a = await JSZip.loadAsync(before);
  const b = await JSZip.loadAsync(after);
  const diffs: string[] = [];
  const partsA = await sheetParts(a);
  const partsB = await sheetParts(b);
  const cover = coverage(ops);
  const sheetPath = new Map<string, string>();
  for (const [name, p] of partsA) sheetPath.set(p, name);
  const mayChange = new Set([
    'xl/styles.xml',
    'xl/sharedStrings.xml',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    '[Content_Types].xml',
    'xl/calcChain.xml',
  ]);

  for (const name of Object.keys(a.files)) {
    const fa = a.file(name);
    if (!fa) continue;
    const fb = b.file(name);
    if (!fb) {
      if (name !== 'xl/calcChain.xml') diffs.push(`part ${name} is gone`);
      continue;
    }
    const sheet = sheetPath.get(name);
    if (!mayChange.has(name) && !(sheet && cover.has(sheet))) {
      const [x, y] = await Promise.all([fa.async('uint8array'), fb.async('uint8array')]);
      if (Buffer.compare(Buffer.from(x), Buffer.from(y)) !== 0) diffs.push(`part ${name} changed`);
    }
  }

  // sheets the plan touches: everything outside the ops, element by element
  for (const [sheet, cov] of cover) {
    const path = partsA.get(sheet);
    if (!path) continue; // a sheet the plan adds
    if (partsB.get(sheet) !== path) diffs.push(`sheet ${sheet} moved to another part`);
    const wa = parse(await a.file(path)!.async('string'));
    const wb = parse(await b.file(path)!.async('string'));
    const ca = cellsOf(wa);
    const cb = cellsOf(wb);
    for (const [ref, el] of ca) {
      const { row, column } = parseCell(ref);
      if (inAny(cov.cells, row, column)) continue;
      const other = cb.get(ref);
      if (inAny(cov.styles, row, column)) {
        if (content(el) !== content(other)) diffs.push(`${sheet}!${ref}: content changed (${content(el)} → ${content(other)})`);
      } else if (!other || xml(el) !== xml(other)) diffs.push(`${sheet}!${ref}: changed (${xml(el)} → ${other ? xml(other) : 'gone'})`);
    }
    for (const [ref, el] of cb) {
      const { row, column } = parseCell(ref);
      if (!ca.has(ref) && !inAny(cov.cells, row, column) && !inAny(cov.styles, row, column))
        diffs.push(`${sheet}!${ref}: new cell outside the plan (${xml(el)})`);
    }
    // every validated cell outside the plan's validation ranges keeps an equal rule
    const vb = validations(wb);
    for (const v of validations(wa)) {
      let pieces = v.rects;
      for (const r of cov.validations) pieces = pieces.flatMap((p) => (overlaps(p, r) ? subtract(p, r) : [p]));
      for (const p of pieces) {
        for (const [r, c] of [
          [p.top, p.left],
          [p.bottom, p.right],
          [p.top, p.right],
          [p.bottom, p.left],
        ]) {
          if (!vb.some((x) => x.key === v.key && inAny(x.rects, r, c))) diffs.push(`${sheet}!${cellAddress(r, c)}: lost its validation ${v.key.slice(0, 80)}`);
        }
      }
    }
    // every other element of the sheet
    const skip = new Set(['sheetData', 'dataValidations', 'dimension', ...(cov.columns ? ['cols'] : []), ...(cov.panes ? ['sheetViews'] : [])]);
    const rest = (w: Element) =>
      kids(w)
        .filter((k) => !skip.has(k.localName!))
        .map(xml);
    const ra = rest(wa);
    const rb = rest(wb);
    if (ra.join('\n') !== rb.join('\n')) diffs.push(`${sheet}: other sheet elements changed:\n${ra.filter((x) => !rb.includes(x)).join('\n')}`);
  }

  // workbook.xml: names, sheets, views
  const wa = parse(await a.file('xl/workbook.xml')!.async('string'));
  const wbk = parse(await b.file('xl/workbook.xml')!.async('string'));
  for (const name of ['definedNames', 'bookViews', 'workbookPr', 'workbookProtection']) {
    const x = kids(wa, name)[0];
    const y = kids(wbk, name)[0];
    if ((x ? xml(x) : '') !== (y ? xml(y) : '')) diffs.push(`workbook.xml <${name}> changed`);
  }
  const sheetsA = kids(kids(wa, 'sheets')[0], 'sheet').map(xml);
  const sheetsB = kids(kids(wbk, 'sheets')[0], 'sheet').map(xml);
  if (sheetsB.slice(0, sheetsA.length).join() !== sheetsA.join()) diffs.push('workbook.xml: existing <sheet> entries changed');

  // styles and strings: the old entries stay where they were
  for (const [part, lists] of [
    ['xl/styles.xml', ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs']],
    ['xl/sharedStrings.xml', null],
  ] as const) {
    const fa = a.file(part);
    if (!fa) continue;
    const x = parse(await fa.async('string'));
    const y = parse(await b.file(part)!.async('string'));
    const groups = lists ? lists.map((l) => [kids(x, l)[0], kids(y, l)[0]] as const) : [[x, y] as const];
    for (const [gx, gy] of groups) {
      if (!gx) continue;
      const ex = kids(gx).map(xml);
      const ey = gy ? kids(gy).map(xml) : [];
      if (ey.slice(0, ex.length).join('\n') !== ex.join('\n')) diffs.push(`${part}: existing <${gx.localName}> entries changed`);
    }
  }
  return diffs;
}
