/**
 * Validation rules as Excel keeps them: texts clipped to Excel's limits (a longer title
 * or message makes Excel refuse the rule or repair the file), keys in one order, no
 * empty prompt. Both the memory and the xlsx adapter store rules in this form, so they
 * read back the same rule.
 */
import type { ValidationRule } from '../core/snapshot';

const VALIDATION_TITLE_MAX = 32;
const VALIDATION_MESSAGE_MAX = 255;

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

export function canonicalRule(rule: ValidationRule): ValidationRule {
  const texts = {
    ...(rule.prompt ? { prompt: clip(rule.prompt, VALIDATION_MESSAGE_MAX) } : {}),
    errorTitle: clip(rule.errorTitle ?? '', VALIDATION_TITLE_MAX),
    errorMessage: clip(rule.errorMessage ?? '', VALIDATION_MESSAGE_MAX),
    strict: Boolean(rule.strict),
  };
  switch (rule.type) {
    case 'list':
      return { type: 'list', source: rule.source, ...texts };
    case 'wholeNumber':
      return { type: 'wholeNumber', min: rule.min, max: rule.max, ...texts };
    case 'decimal':
      return { type: 'decimal', min: rule.min, ...texts };
  }
}

/** A string that is equal for two rules exactly when Excel would hold the same rule. */
export function ruleKey(rule: ValidationRule): string {
  return JSON.stringify(canonicalRule(rule));
}
