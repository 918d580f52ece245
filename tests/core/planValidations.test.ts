/**
 * The data validations the plan wants (src/core/plan/validations.ts), pure: the rules with their
 * Dutch texts, and `sameRule`, which decides whether a validation already in the workbook is the
 * one the plan wants (when it is not, the plan writes it again). Scored with StrykerJS against this
 * file (CONTRIBUTING.md, "Mutation testing", "Runs of 3 Dec b").
 */
import { listRule, sameRule, scoreRule, statusRule, weightRule } from '../../src/core/plan/validations';
import type { ValidationRule } from '../../src/core/snapshot';

const list = (source: string): ValidationRule => ({ type: 'list', source, errorTitle: 't', errorMessage: 'm', strict: false });
const whole = (min: number, max: number): ValidationRule => ({ type: 'wholeNumber', min, max, errorTitle: 't', errorMessage: 'm', strict: true });
const decimal = (min: number): ValidationRule => ({ type: 'decimal', min, errorTitle: 't', errorMessage: 'm', strict: true });

describe('the rules the plan writes', () => {
  it('score: a whole number from -10 to 10, strict, with its Dutch prompt and error', () => {
    expect(scoreRule()).toEqual({
      type: 'wholeNumber',
      min: -10,
      max: 10,
      prompt: 'Score: een heel getal van -10 (sterk negatief) tot 10 (sterk positief). Leeg = nog niet gescoord.',
      errorTitle: 'Ongeldige score',
      errorMessage: 'Vul een heel getal van -10 tot en met 10 in, of laat de cel leeg.',
      strict: true,
    });
  });

  it('weight: a decimal of 0 or more, strict', () => {
    expect(weightRule()).toEqual({
      type: 'decimal',
      min: 0,
      prompt: 'Weging: een getal van 0 of meer (standaard 1).',
      errorTitle: 'Ongeldige weging',
      errorMessage: 'Een weging is een getal van 0 of meer, bijvoorbeeld 1 of 1,5.',
      strict: true,
    });
  });

  it('list: the source as given, only a warning, texts naming what is chosen (capitalised in the title) and the sheet to add it on', () => {
    expect(listRule("='Opgaven en koppelkansen'!$B$2:$B$40", 'koppelkans', 'Opgaven en koppelkansen')).toEqual({
      type: 'list',
      source: "='Opgaven en koppelkansen'!$B$2:$B$40",
      prompt: 'Kies een koppelkans uit de lijst.',
      errorTitle: 'Koppelkans niet in de lijst',
      errorMessage: 'Deze koppelkans staat niet in de keuzelijst. Voeg hem eerst toe op het blad "Opgaven en koppelkansen", dan verschijnt hij in de lijst.',
      strict: false,
    });
    expect(listRule('=L!A1:A3', 'opgave', 'L')).toMatchObject({ errorTitle: 'Opgave niet in de lijst', prompt: 'Kies een opgave uit de lijst.' });
  });

  it('status: the statuses written out as the list, strict, the choice named in prompt and error', () => {
    expect(statusRule()).toEqual({
      type: 'list',
      source: 'To do,Bezig,Klaar',
      prompt: 'Status: To do, Bezig of Klaar.',
      errorTitle: 'Onbekende status',
      errorMessage: 'Kies To do, Bezig of Klaar.',
      strict: true,
    });
  });
});

describe('sameRule: a rule in the workbook against the rule the plan wants', () => {
  it('no rule (none read, or a kind the adapter does not know) is never the same', () => {
    expect(sameRule(null, scoreRule())).toBe(false);
    expect(sameRule(undefined, weightRule())).toBe(false);
  });

  it('each of the plan’s rules is the same as itself and as a copy read back with other texts', () => {
    for (const rule of [scoreRule(), weightRule(), statusRule(), listRule('=L!$A$2:$A$9', 'opgave', 'L')]) {
      expect(sameRule(rule, rule)).toBe(true);
      expect(sameRule({ ...rule, prompt: undefined, errorTitle: '', errorMessage: 'anders', strict: !rule.strict }, rule)).toBe(true);
    }
  });

  it('another type is never the same, whatever its numbers or source', () => {
    expect(sameRule(whole(0, 10), decimal(0))).toBe(false);
    expect(sameRule(decimal(0), whole(0, 10))).toBe(false);
    expect(sameRule(list('0'), decimal(0))).toBe(false);
    expect(sameRule(decimal(0), list('0'))).toBe(false);
    expect(sameRule(scoreRule(), statusRule())).toBe(false);
  });

  it('a rule of a kind the plan never writes is never the same, not even as itself (the plan writes its own)', () => {
    const other = { type: 'textLength', min: 1, max: 5, errorTitle: 't', errorMessage: 'm', strict: true } as unknown as ValidationRule;
    expect(sameRule(other, other)).toBe(false);
  });

  it('whole numbers: the same minimum and maximum', () => {
    const want = scoreRule();
    expect(sameRule(whole(-9, 10), want)).toBe(false);
    expect(sameRule(whole(-10, 9), want)).toBe(false);
    expect(sameRule(whole(-10, 10), want)).toBe(true);
  });

  it('decimals: the same minimum', () => {
    const want = weightRule();
    expect(sameRule(decimal(1), want)).toBe(false);
    expect(sameRule(decimal(0), want)).toBe(true);
  });

  it('lists: the same source without case, spaces, a leading "=" or Excel’s _xlfn. prefix', () => {
    const want = list("='Opgaven en koppelkansen'!$B$2:$B$40");
    expect(sameRule(list("  ='OPGAVEN EN KOPPELKANSEN'!$b$2:$b$40 "), want)).toBe(true);
    expect(sameRule(list("'Opgaven en koppelkansen'!$B$2:$B$40"), want)).toBe(true);
    expect(sameRule(list("='Opgaven en koppelkansen'!$B$2:$B$41"), want)).toBe(false);
    expect(sameRule(list("='Opgaven en koppelkansen'!$C$2:$C$40"), want)).toBe(false);
    const dynamic = list('=OFFSET(Lijsten!$A$2,0,0,COUNTA(Lijsten!$A:$A)-1)');
    expect(sameRule(list('= offset( lijsten!$a$2 , 0, 0, counta(lijsten!$a:$a) - 1 )'), dynamic)).toBe(true);
    expect(sameRule(list('=_xlfn.FILTER(L!A2:A9,L!B2:B9<>"")'), list('=FILTER(L!A2:A9,L!B2:B9<>"")'))).toBe(true);
    expect(sameRule(list('=_xlfn.FILTER(L!A2:A9,L!B2:B9<>"")_xlfn.'), list('=FILTER(L!A2:A9,L!B2:B9<>"")'))).toBe(true);
    // only a leading "=" goes
    expect(sameRule(list('L!A1=1'), list('=L!A11'))).toBe(false);
  });

  it('lists: text inside quotes keeps its case and spaces; the quotes themselves do not count', () => {
    const want = list('=IF(L!A1="Ja",L!B2:B9,L!C2:C9)');
    expect(sameRule(list('=if(l!a1="Ja",l!b2:b9,l!c2:c9)'), want)).toBe(true);
    expect(sameRule(list('=IF(L!A1="ja",L!B2:B9,L!C2:C9)'), want)).toBe(false);
    expect(sameRule(list('=IF(L!A1=" Ja",L!B2:B9,L!C2:C9)'), want)).toBe(false);
    // a list written out (the status list) is read back by an adapter with or without its quotes
    expect(sameRule(list('"To do,Bezig,Klaar"'), list('"To do,Bezig,Klaar"'))).toBe(true);
    expect(sameRule(list('To do,Bezig,Klaar'), statusRule())).toBe(true);
    expect(sameRule(list('To do,Bezig'), statusRule())).toBe(false);
    expect(sameRule(list('"JA,NEE"'), list('JA,NEE'))).toBe(true);
    expect(sameRule(list('JA,NEE'), list('"JA,NEE"'))).toBe(true);
    // after a closing quote, case and spaces are ignored again
    expect(sameRule(list('="a" & l!a1'), list('="a"&L!A1'))).toBe(true);
  });
});
