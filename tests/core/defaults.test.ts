import { DEFAULT_LONGLIST, DEFAULT_OPGAVEN, DEFAULT_SUCCESFACTOREN, LONGLIST_VERSION, WUP_CHECKLIST } from '../../src/core/defaults';
import checklistAsset from '../../assets/wup-checklist.json';
import { STATUSES } from '../../src/core/checklistStatus';

const RISKY_FIRST = /^[=+\-@]/;
const lower = (s: string) => s.trim().toLowerCase();

describe('default longlist', () => {
  it('has version 1, at least 14 opgaven and at least 90 koppelkansen', () => {
    expect(LONGLIST_VERSION).toBe(1);
    expect(DEFAULT_OPGAVEN.length).toBeGreaterThanOrEqual(14);
    expect(DEFAULT_LONGLIST.length).toBeGreaterThanOrEqual(90);
  });

  it('names every opgave once, each with a toelichting', () => {
    const names = DEFAULT_OPGAVEN.map((o) => lower(o.opgave));
    expect(new Set(names).size).toBe(names.length);
    for (const o of DEFAULT_OPGAVEN) {
      expect(o.opgave.trim()).toBe(o.opgave);
      expect(o.opgave).not.toMatch(RISKY_FIRST);
      expect(o.toelichting.trim().length).toBeGreaterThan(0);
      expect(o.toelichting.length).toBeLessThanOrEqual(160);
    }
  });

  it('files every koppelkans under an opgave from the opgaven list', () => {
    const known = new Set(DEFAULT_OPGAVEN.map((o) => o.opgave));
    const unknown = DEFAULT_LONGLIST.filter((k) => !known.has(k.opgave));
    expect(unknown).toEqual([]);
  });

  it('gives every opgave at least 4 koppelkansen', () => {
    for (const o of DEFAULT_OPGAVEN) {
      const count = DEFAULT_LONGLIST.filter((k) => k.opgave === o.opgave).length;
      expect({ opgave: o.opgave, enough: count >= 4 }).toEqual({ opgave: o.opgave, enough: true });
    }
  });

  it('groups koppelkansen by opgave in the order of the opgaven list', () => {
    // the workbook derives its opgaven dropdown from first appearance in the longlist
    const firstAppearance: string[] = [];
    for (const k of DEFAULT_LONGLIST) {
      if (firstAppearance[firstAppearance.length - 1] !== k.opgave) firstAppearance.push(k.opgave);
    }
    expect(firstAppearance).toEqual(DEFAULT_OPGAVEN.map((o) => o.opgave));
  });

  it('has unique koppelkans names, case-insensitively', () => {
    const seen = new Map<string, number>();
    for (const k of DEFAULT_LONGLIST) seen.set(lower(k.koppelkans), (seen.get(lower(k.koppelkans)) ?? 0) + 1);
    const duplicates = [...seen].filter(([, n]) => n > 1).map(([name]) => name);
    expect(duplicates).toEqual([]);
  });

  it('keeps names at most 80 and toelichtingen at most 160 characters, on one line', () => {
    const tooLong = DEFAULT_LONGLIST.filter((k) => k.koppelkans.length > 80 || k.toelichting.length > 160 || /[\r\n]/.test(k.koppelkans + k.toelichting));
    expect(tooLong).toEqual([]);
    for (const k of DEFAULT_LONGLIST) {
      expect(k.koppelkans.trim()).toBe(k.koppelkans);
      expect(k.koppelkans.length).toBeGreaterThan(0);
      expect(k.toelichting.trim().length).toBeGreaterThan(0);
    }
  });

  it('never starts a name with a character Excel would read as a formula', () => {
    const risky = DEFAULT_LONGLIST.filter((k) => RISKY_FIRST.test(k.koppelkans) || RISKY_FIRST.test(k.opgave));
    expect(risky).toEqual([]);
  });

  it('does not list participatie as a koppelkans (it is a basiselement)', () => {
    expect(DEFAULT_OPGAVEN.map((o) => lower(o.opgave))).not.toContain('participatie');
    expect(DEFAULT_LONGLIST.filter((k) => lower(k.koppelkans).startsWith('participatie'))).toEqual([]);
  });

  it('includes the concrete examples the Spoorboekje gives', () => {
    const names = new Set(DEFAULT_LONGLIST.map((k) => lower(k.koppelkans)));
    for (const example of [
      'Stageplekken voor wijkbewoners bij gemeente of uitvoering',
      'Groene daken op transformatorhuisjes',
      'CO₂-gestuurde ventilatie voor betere luchtkwaliteit in de woning',
      'Asbest verwijderen',
    ]) {
      expect(names.has(lower(example))).toBe(true);
    }
  });
});

describe('default success factors', () => {
  it('has 8 unique factors with short names and a reason each', () => {
    expect(DEFAULT_SUCCESFACTOREN).toHaveLength(8);
    const names = DEFAULT_SUCCESFACTOREN.map((f) => lower(f.naam));
    expect(new Set(names).size).toBe(8);
    for (const f of DEFAULT_SUCCESFACTOREN) {
      expect(f.naam.length).toBeGreaterThan(0);
      expect(f.naam.length).toBeLessThanOrEqual(40);
      expect(f.naam).not.toMatch(RISKY_FIRST);
      expect(f.waarom.trim().length).toBeGreaterThan(20);
    }
  });

  it('starts with the three examples named in the Spoorboekje', () => {
    expect(DEFAULT_SUCCESFACTOREN.slice(0, 3).map((f) => f.naam)).toEqual(['Verhogen van draagvlak', 'Politiek scoren', 'Doorbraak complex dossier']);
  });

  it('does not reuse the Totalen header as a factor name', () => {
    expect(DEFAULT_SUCCESFACTOREN.map((f) => lower(f.naam))).not.toContain('totalen');
  });
});

describe('WUP checklist', () => {
  it('has the statuses To do, Bezig, Klaar in that order', () => {
    // the asset's list and the engine's one list (src/core/checklistStatus.ts) may not drift apart
    expect(checklistAsset.statussen).toEqual([...STATUSES]);
    expect([...STATUSES]).toEqual(['To do', 'Bezig', 'Klaar']);
  });

  it('has the four onderdelen of WORKBOOK.md with 3/7/3/2 items', () => {
    expect(WUP_CHECKLIST.map((p) => [p.onderdeel, p.items.length])).toEqual([
      ['Wijkanalyse', 3],
      ['Definitieve duurzame energievoorziening', 7],
      ['Uitvoeringsstrategie', 3],
      ['Participatie', 2],
    ]);
  });

  it('uses the wording of WORKBOOK.md for every item', () => {
    expect(WUP_CHECKLIST.flatMap((p) => p.items)).toEqual([
      'Grenzen van de wijk',
      'Profielschets bewoners',
      'Profielschets gebouwen, incl. eigenaar',
      'Definitieve duurzame energievoorziening',
      'Datum overstap laatste woning in de wijk',
      'Aanpassingen wijk',
      'Aanpassingen woningen',
      'Duurzaamheid van de definitieve energievoorziening',
      'Betaalbaarheid & kosten eindgebruiker en nationale kosten',
      'Betrouwbaarheid',
      'Planning',
      "Afhankelijkheden en risico's",
      'Begroting',
      'Volgens omgevingswet uitgevoerd',
      'Doorgelopen werkbladen',
    ]);
  });
});
