/**
 * Built-in domain data: the longlist koppelkansen, the default success factors and the
 * WUP checklist. The data lives in assets/*.json (see docs/longlist.md); this module is
 * the one place in src/core that imports from outside src/core, and only JSON.
 */
import longlist from '../../assets/longlist.json';
import succesfactoren from '../../assets/succesfactoren.json';
import checklist from '../../assets/wup-checklist.json';

export interface DefaultKoppelkans {
  opgave: string;
  koppelkans: string;
  toelichting: string;
}

export interface DefaultOpgave {
  opgave: string;
  toelichting: string;
}

/**
 * A success factor the guide suggests (name and why), offered when choosing factors. Not the
 * factor column of the Werkblad: that is `Succesfactor` in werkblad.ts.
 */
export interface VoorgesteldeSuccesfactor {
  naam: string;
  waarom: string;
}

export interface ChecklistOnderdeel {
  onderdeel: string;
  items: string[];
}

/** Version of the longlist data file (bump when its shape changes). */
export const LONGLIST_VERSION: number = longlist.version;

/** The opgaven (themes), in the order the longlist groups its koppelkansen. */
export const DEFAULT_OPGAVEN: DefaultOpgave[] = longlist.opgaven;

/** The longlist koppelkansen: seeds the "Overzicht opgaven en koppelkansen" sheet. */
export const DEFAULT_LONGLIST: DefaultKoppelkans[] = longlist.koppelkansen;

/** The 8 default success factors: the werkblad's factor columns (row 3). */
export const DEFAULT_SUCCESFACTOREN: VoorgesteldeSuccesfactor[] = succesfactoren;

/** The WUP basiselementen per onderdeel (Spoorboekje, end of chapter 2). */
export const WUP_CHECKLIST: ChecklistOnderdeel[] = checklist.onderdelen;
