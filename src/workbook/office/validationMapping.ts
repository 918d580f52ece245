/**
 * The snapshot's ValidationRule ⇄ Office.js data validation (ExcelApi 1.8). Pure.
 */
import type { ValidationRule } from '../../core/snapshot';

/** Excel's limits on the texts of a validation (longer texts are refused). */
const TITLE_MAX = 32;
const MESSAGE_MAX = 255;

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

export interface OfficeValidation {
  rule: Excel.DataValidationRule;
  errorAlert: Excel.DataValidationErrorAlert;
  prompt: Excel.DataValidationPrompt;
}

export function toOfficeValidation(rule: ValidationRule): OfficeValidation {
  let officeRule: Excel.DataValidationRule;
  switch (rule.type) {
    case 'list':
      officeRule = { list: { inCellDropDown: true, source: rule.source } };
      break;
    case 'wholeNumber':
      officeRule = { wholeNumber: { formula1: rule.min, formula2: rule.max, operator: 'Between' } };
      break;
    case 'decimal':
      officeRule = { decimal: { formula1: rule.min, operator: 'GreaterThanOrEqualTo' } };
      break;
  }
  return {
    rule: officeRule,
    errorAlert: {
      showAlert: true,
      style: rule.strict ? 'Stop' : 'Warning',
      title: clip(rule.errorTitle, TITLE_MAX),
      message: clip(rule.errorMessage, MESSAGE_MAX),
    },
    prompt: rule.prompt ? { showPrompt: true, title: '', message: clip(rule.prompt, MESSAGE_MAX) } : { showPrompt: false, title: '', message: '' },
  };
}

function num(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim().replace(/^=/, ''));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * What Office.js reports for a range's validation, as a ValidationRule; null when the
 * range has none, has several (Inconsistent / MixedCriteria) or has a kind the engine
 * never writes.
 */
export function fromOfficeValidation(
  type: string | undefined,
  rule: Excel.DataValidationRule | undefined,
  errorAlert?: Partial<Excel.DataValidationErrorAlert>,
  prompt?: Partial<Excel.DataValidationPrompt>,
): ValidationRule | null {
  if (!rule) return null;
  const common = {
    errorTitle: errorAlert?.title ?? '',
    errorMessage: errorAlert?.message ?? '',
    strict: (errorAlert?.style ?? 'Stop') === 'Stop',
    ...(prompt?.showPrompt && prompt.message ? { prompt: prompt.message } : {}),
  };
  switch (type) {
    case 'List': {
      const source = rule.list?.source;
      return typeof source === 'string' ? { type: 'list', source, ...common } : null;
    }
    case 'WholeNumber': {
      const w = rule.wholeNumber;
      const min = num(w?.formula1);
      const max = num(w?.formula2);
      return w?.operator === 'Between' && min !== null && max !== null ? { type: 'wholeNumber', min, max, ...common } : null;
    }
    case 'Decimal': {
      const d = rule.decimal;
      const min = num(d?.formula1);
      return d?.operator === 'GreaterThanOrEqualTo' && min !== null ? { type: 'decimal', min, ...common } : null;
    }
    default:
      return null;
  }
}
