/** The data validations the engine wants, with Dutch messages. */
import { STATUS_CHOICE, STATUSES } from '../checklistStatus';
import type { ValidationRule } from '../snapshot';

export function scoreRule(): ValidationRule {
  return {
    type: 'wholeNumber',
    min: -10,
    max: 10,
    prompt: 'Score: een heel getal van -10 (sterk negatief) tot 10 (sterk positief). Leeg = nog niet gescoord.',
    errorTitle: 'Ongeldige score',
    errorMessage: 'Vul een heel getal van -10 tot en met 10 in, of laat de cel leeg.',
    strict: true,
  };
}

export function weightRule(): ValidationRule {
  return {
    type: 'decimal',
    min: 0,
    prompt: 'Weging: een getal van 0 of meer (standaard 1).',
    errorTitle: 'Ongeldige weging',
    errorMessage: 'Een weging is een getal van 0 of meer, bijvoorbeeld 1 of 1,5.',
    strict: true,
  };
}

export function listRule(source: string, what: string, where: string): ValidationRule {
  return {
    type: 'list',
    source,
    prompt: `Kies een ${what} uit de lijst.`,
    errorTitle: `${capitalize(what)} niet in de lijst`,
    errorMessage: `Deze ${what} staat niet in de keuzelijst. Voeg hem eerst toe op het blad "${where}", dan verschijnt hij in de lijst.`,
    strict: false,
  };
}

export function statusRule(): ValidationRule {
  return {
    type: 'list',
    source: STATUSES.join(','),
    prompt: `Status: ${STATUS_CHOICE}.`,
    errorTitle: 'Onbekende status',
    errorMessage: `Kies ${STATUS_CHOICE}.`,
    strict: true,
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Rules compare on their meaning, not on texts an adapter may not read back. */
export function sameRule(a: ValidationRule | null | undefined, b: ValidationRule): boolean {
  if (!a || a.type !== b.type) return false;
  if (a.type === 'list' && b.type === 'list') return normalizeSource(a.source) === normalizeSource(b.source);
  if (a.type === 'wholeNumber' && b.type === 'wholeNumber') return a.min === b.min && a.max === b.max;
  if (a.type === 'decimal' && b.type === 'decimal') return a.min === b.min;
  return false;
}

function normalizeSource(s: string): string {
  let out = '';
  let inString = false;
  for (const ch of s.trim()) {
    if (ch === '"') inString = !inString;
    out += inString || ch === '"' ? ch : ch === ' ' ? '' : ch.toUpperCase();
  }
  return out
    .replace(/^=/, '')
    .replace(/_XLFN\./g, '')
    .replace(/"/g, '');
}
