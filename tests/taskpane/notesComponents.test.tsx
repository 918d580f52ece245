/**
 * The notes components rendered to HTML (no browser): what the notulist sees for a
 * workbook with notes, without a Notulen sheet, and in the reason dialog. Interaction is
 * covered by the end-to-end tests in Chromium.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { analyze } from '../../src/core/analyze';
import { readNotes } from '../../src/core/notes';
import type { PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { KoppelkansNotes, NotesPanel, OnderbouwingButton, AUTHOR_KEY } from '../../src/taskpane/notes';
import type { DiscussionContext, HostServices, WorkbookSession } from '../../src/taskpane/session';
import { NOW, ROWS, sampleSnapshot } from '../helpers/onderbouwingWorkbook';

function fakeSession(snapshot: WorkbookSnapshot, context: DiscussionContext, stored: Record<string, string> = {}): WorkbookSession & { applied: PlanOp[][] } {
  const applied: PlanOp[][] = [];
  const host: HostServices = {
    kind: 'preview',
    storage: { get: (k) => stored[k] ?? null, set: (k, v) => void (stored[k] = v) },
    download: () => undefined,
  };
  return {
    applied,
    port: { readSnapshot: async () => snapshot, apply: async () => ({ operations: 0, appendedAt: [], missingKeys: [], conflicts: [] }) },
    host,
    snapshot,
    analysis: analyze(snapshot, { now: NOW }),
    notes: readNotes(snapshot),
    busy: null,
    progress: null,
    completed: 0,
    error: null,
    clearError: () => undefined,
    refresh: async () => undefined,
    applyOps: async (ops) => {
      applied.push(ops);
      return true;
    },
    applyEdit: async () => ({ ok: true }),
    applyOpsResult: async (ops) => {
      applied.push(ops);
      return { operations: ops.length, appendedAt: [], missingKeys: [], conflicts: [] };
    },
    conflict: null,
    resolveConflict: async () => undefined,
    dismissConflict: () => undefined,
    showConflict: () => undefined,
    prepare: async () => true,
    createLayout: async () => true,
    context,
    setContext: () => undefined,
  };
}

const html = (el: ReactElement) => renderToString(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);
const text = (h: string) =>
  h
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('NotesPanel', () => {
  it('shows the composer in the current context, the step questions and the notes newest first', () => {
    const session = fakeSession(sampleSnapshot(), { step: 'Stap 3', koppelkans: ROWS[2].koppelkans, factor: 'Politiek scoren' }, { [AUTHOR_KEY]: 'Fatima' });
    const out = text(html(<NotesPanel session={session} />));
    expect(out).toContain('Notulist: Fatima');
    expect(out).not.toContain('Je naam (notulist)');
    for (const kind of ['Discussie', 'Redenering', 'Conclusie', 'Afspraak', 'Actie']) expect(out).toContain(kind);
    expect(out).toContain('Stap 3: leg conclusie vast');
    // the open step shows the guide's question
    expect(out).toContain('Welke algemeen geldende principes worden gehanteerd voor het waarderen van de koppelkansen?');
    expect(out).toContain('26 notities, nieuwste eerst');
    const newest = out.indexOf('Volgend overleg over zes weken');
    const oldest = out.indexOf('Algemene opmerking over de wijkgrenzen');
    expect(newest).toBeGreaterThan(0);
    expect(oldest).toBeGreaterThan(newest);
    // "=" text is shown as typed
    expect(out).toContain('=SOM(A1) is geen formule');
    expect(session.applied).toEqual([]);
  });

  it('asks the notulist’s name when none is remembered', () => {
    const out = text(html(<NotesPanel session={fakeSession(sampleSnapshot(), { step: 'Stap 2' })} />));
    expect(out).toContain('Je naam (notulist)');
  });

  it('offers to prepare the workbook when there is no Notulen sheet', () => {
    const snap = sampleSnapshot();
    const without = { ...snap, sheets: snap.sheets.filter((s) => s.name !== 'Notulen') };
    const out = text(html(<NotesPanel session={fakeSession(without, { step: 'Stap 2' })} />));
    expect(out).toContain('Er is nog geen werkblad Notulen');
    expect(out).toContain('Werkmap voorbereiden');
  });
});

describe('KoppelkansNotes', () => {
  it('shows only the notes of that koppelkans', () => {
    const out = text(
      html(<KoppelkansNotes session={fakeSession(sampleSnapshot(), { step: 'Stap 3' }, { [AUTHOR_KEY]: 'Piet' })} koppelkans={ROWS[2].koppelkans} />),
    );
    expect(out).toContain('Eerste regel');
    expect(out).toContain('=SOM(A1) is geen formule');
    expect(out).not.toContain('Bewonersavond plannen');
    expect(out).toContain('4 notities');
    expect(out).toContain(`Bij: Stap 3 · ${ROWS[2].koppelkans}`);
  });
});

describe('OnderbouwingButton', () => {
  it('is offered for a Koppelkansen workbook', () => {
    const out = html(<OnderbouwingButton session={fakeSession(sampleSnapshot(), { step: 'Stap 4' })} />);
    expect(text(out)).toContain('Onderbouwing maken');
    expect(out).not.toMatch(/<button[^>]*disabled/);
  });
  it('is disabled for an empty workbook', () => {
    const out = html(<OnderbouwingButton session={fakeSession({ sheets: [] }, { step: 'Stap 4' })} />);
    expect(out).toMatch(/<button[^>]*disabled/);
  });
  it('says what to do where the host cannot save files (desktop Excel)', () => {
    const session = fakeSession(sampleSnapshot(), { step: 'Stap 4' });
    const out = html(<OnderbouwingButton session={{ ...session, host: { ...session.host, kind: 'excel', download: undefined } }} />);
    expect(out).toMatch(/<button[^>]*disabled[^>]*>(?:(?!<\/button>)[\s\S])*Onderbouwing maken/);
    expect(out).not.toMatch(/<button[^>]*disabled[^>]*>(?:(?!<\/button>)[\s\S])*Als werkblad in de werkmap/);
    expect(text(out)).toContain('Als werkblad in de werkmap');
    expect(text(out)).toContain('Excel op het web');
    expect(text(out)).toContain('koppelkansen onderbouwing werkmap.xlsx -o onderbouwing.docx');
    expect(text(html(<OnderbouwingButton session={session} />))).not.toContain('Excel op het web');
  });
});
