/**
 * Data validations in an ExcelJS worksheet.
 *
 * ExcelJS keeps them in `worksheet.dataValidations.model`, keyed by address. A file it
 * reads gives one key per cell (ranges are expanded; see largeValidations.ts for the
 * exception), `dataValidations.add(range, dv)` gives one key per range; on writing it
 * packs equal neighbouring cells back into ranges. This module works with both kinds of
 * keys. `dataValidations` exists at runtime but is missing from ExcelJS's types.
 */
import type ExcelJS from 'exceljs';
import { parseCell } from '../../core/a1';
import type { ValidationRule } from '../../core/snapshot';
import { area, containsCell, overlaps, rectAddress, rectOf, rectsOfCells, subtract, type Rect } from '../rectangles';
import { canonicalRule, ruleKey } from '../validationRules';
import { addFutureFunctionPrefixes, stripFutureFunctionPrefixes } from './futureFunctions';

type Dv = ExcelJS.DataValidation;
/** A worksheet's data validations as ExcelJS keeps them: address or range → validation. */
export type DvModel = Record<string, Dv | undefined>;

interface WithValidations {
  dataValidations: { model: DvModel; add(address: string, dv: Dv): Dv };
}

/** The worksheet's data validations (ExcelJS's own object: changing it changes the sheet). */
export function validationModel(ws: ExcelJS.Worksheet): DvModel {
  return (ws as unknown as WithValidations).dataValidations.model;
}

/** The snapshot's rule as ExcelJS's data validation: Dutch texts, stop or warning. */
export function toExcelValidation(rule: ValidationRule): Dv {
  const r = canonicalRule(rule);
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: r.strict ? 'stop' : 'warning',
    errorTitle: r.errorTitle,
    error: r.errorMessage,
    ...(r.prompt ? { showInputMessage: true, prompt: r.prompt } : {}),
  };
  switch (r.type) {
    case 'list': {
      const src = r.source.trim();
      const formula = src.startsWith('=') ? addFutureFunctionPrefixes(src.slice(1)) : `"${src.replace(/"/g, '""')}"`;
      return { type: 'list', formulae: [formula], ...common };
    }
    case 'wholeNumber':
      return { type: 'whole', operator: 'between', formulae: [r.min, r.max], ...common };
    case 'decimal':
      return { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [r.min], ...common };
  }
}

function num(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** ExcelJS's data validation as a snapshot rule; null for kinds the engine never writes. */
function fromExcelValidation(dv: Dv | undefined): ValidationRule | null {
  if (!dv || !dv.type) return null;
  const texts = {
    ...(dv.showInputMessage !== false && dv.prompt ? { prompt: dv.prompt } : {}),
    errorTitle: dv.errorTitle ?? '',
    errorMessage: dv.error ?? '',
    strict: dv.showErrorMessage !== false && (dv.errorStyle ?? 'stop') === 'stop',
  };
  const f = dv.formulae ?? [];
  switch (dv.type) {
    case 'list': {
      if (typeof f[0] !== 'string') return null;
      const text = f[0].trim();
      const literal = /^"(.*)"$/s.exec(text);
      const source = literal ? literal[1].replace(/""/g, '"') : `=${stripFutureFunctionPrefixes(text.replace(/^=/, ''))}`;
      return canonicalRule({ type: 'list', source, ...texts });
    }
    case 'whole': {
      const min = num(f[0]);
      const max = num(f[1]);
      if ((dv.operator ?? 'between') !== 'between' || min === null || max === null) return null;
      return canonicalRule({ type: 'wholeNumber', min, max, ...texts });
    }
    case 'decimal': {
      const min = num(f[0]);
      if (dv.operator !== 'greaterThanOrEqual' || min === null) return null;
      return canonicalRule({ type: 'decimal', min, ...texts });
    }
    default:
      return null;
  }
}

function keyRect(key: string): Rect | null {
  try {
    return rectOf(key);
  } catch {
    return null;
  }
}

/** Puts `rule` on `rect`; older validations keep the cells outside `rect`. */
export function setValidation(ws: ExcelJS.Worksheet, rect: Rect, rule: ValidationRule): void {
  const model = validationModel(ws);
  for (const key of Object.keys(model)) {
    const dv = model[key];
    const r = keyRect(key);
    if (!dv || !r) {
      if (!dv) delete model[key];
      continue;
    }
    if (!overlaps(r, rect)) continue;
    delete model[key];
    for (const piece of subtract(r, rect)) model[rectAddress(piece)] = dv;
  }
  (ws as unknown as WithValidations).dataValidations.add(rectAddress(rect), toExcelValidation(rule));
}

/** Finds the validation of single cells quickly, of range keys by search. */
export class ValidationLookup {
  private readonly model: DvModel;
  private readonly ranges: { rect: Rect; dv: Dv }[] = [];
  private readonly rules = new Map<Dv, { rule: ValidationRule; key: string } | null>();

  /** `model`: a worksheet's validations (`validationModel`), which may be kept apart from it. */
  constructor(model: DvModel) {
    this.model = model;
    for (const [key, dv] of Object.entries(this.model)) {
      if (!dv || !key.includes(':')) continue;
      const rect = keyRect(key);
      if (rect) this.ranges.push({ rect, dv });
    }
  }

  private dvAt(row: number, column: number, address: string): Dv | undefined {
    return this.model[address] ?? this.ranges.find((r) => containsCell(r.rect, row, column))?.dv;
  }

  /** The engine's rule for one of ExcelJS's validations and its `ruleKey` (cached per object), or null for kinds it never writes. */
  ruleOf(dv: Dv | undefined): { rule: ValidationRule; key: string } | null {
    if (!dv) return null;
    if (!this.rules.has(dv)) {
      const rule = fromExcelValidation(dv);
      this.rules.set(dv, rule ? { rule, key: ruleKey(rule) } : null);
    }
    return this.rules.get(dv) ?? null;
  }

  at(address: string): ValidationRule | null {
    const { row, column } = parseCell(address);
    return this.ruleOf(this.dvAt(row, column, address.toUpperCase().replace(/\$/g, '')))?.rule ?? null;
  }

  /**
   * The rule on every cell of `rect`, or null when a cell has none or another one. Ranges
   * up to 50,000 cells are checked cell by cell, larger ones at their four corners.
   */
  covering(rect: Rect): ValidationRule | null {
    const cells: [number, number][] = [];
    if (area(rect) <= 50000) {
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) cells.push([r, c]);
    } else {
      cells.push([rect.top, rect.left], [rect.top, rect.right], [rect.bottom, rect.left], [rect.bottom, rect.right]);
    }
    let found: { rule: ValidationRule; key: string } | null = null;
    for (const [r, c] of cells) {
      const rule = this.ruleOf(this.dvAt(r, c, rectAddress({ top: r, left: c, bottom: r, right: c })));
      if (!rule || (found && found.key !== rule.key)) return null;
      found = rule;
    }
    return found ? canonicalRule(found.rule) : null;
  }
}

/**
 * Every data validation of the worksheet that the engine can read (list, whole number,
 * decimal; see `fromExcelValidation`), as few non-overlapping A1 ranges with their rule:
 * the cells ExcelJS keeps one by one are joined into rectangles per rule. Where keys
 * overlap, the ranges come out in the order in which applying them one after another
 * (a later one replacing the overlap of an earlier one) gives each cell the rule that
 * `ValidationLookup.at` reads there: range keys first, the last-found winning; single
 * cells last. Kinds the engine never writes (text length, custom formulas …) are left
 * out: they never count as one of the engine's rules. Cost: linear in the keys.
 */
export function validationRanges(ws: ExcelJS.Worksheet): { range: string; rule: ValidationRule }[] {
  const lookup = new ValidationLookup(validationModel(ws));
  const ranges: { range: string; rule: ValidationRule }[] = [];
  /** rule key → rule and its single cells (row → columns). */
  const cells = new Map<string, { rule: ValidationRule; rows: Map<number, number[]> }>();
  for (const [key, dv] of Object.entries(validationModel(ws))) {
    const found = lookup.ruleOf(dv);
    const rect = found && keyRect(key);
    if (!found || !rect) continue;
    if (key.includes(':')) {
      // ValidationLookup takes the first range key that holds a cell: applied last here
      ranges.unshift({ range: rectAddress(rect), rule: found.rule });
      continue;
    }
    let group = cells.get(found.key);
    if (!group) cells.set(found.key, (group = { rule: found.rule, rows: new Map() }));
    let columns = group.rows.get(rect.top);
    if (!columns) group.rows.set(rect.top, (columns = []));
    columns.push(rect.left);
  }
  for (const { rule, rows } of cells.values()) for (const rect of rectsOfCells(rows)) ranges.push({ range: rectAddress(rect), rule });
  return ranges;
}
