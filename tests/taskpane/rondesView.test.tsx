/**
 * The Scorerondes view rendered to HTML (no browser): before reveal a participant sees only
 * their own scores; after reveal everyone's, most disagreement first, optionally anonymised.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { analyze } from '../../src/core/analyze';
import { readNotes } from '../../src/core/notes';
import { RONDES } from '../../src/core/rondes';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import type { HostServices, WorkbookSession } from '../../src/taskpane/session';
import { RondesView } from '../../src/taskpane/views/RondesView';
import { workbook } from '../helpers/build';

function session(snapshot: WorkbookSnapshot, name: string): WorkbookSession {
  const host: HostServices = { kind: 'preview', storage: { get: (k) => (k === 'koppelkansen.deelnemer' ? name : null), set: () => undefined } };
  return {
    port: { readSnapshot: async () => snapshot, apply: async () => ({ operations: 0, appendedAt: [], missingKeys: [], conflicts: [] }) },
    host,
    snapshot,
    analysis: analyze(snapshot),
    notes: readNotes(snapshot),
    busy: null,
    progress: null,
    error: null,
    clearError: () => undefined,
    refresh: async () => undefined,
    completed: 0,
    applyOps: async () => true,
    applyOpsResult: async () => null,
    conflict: null,
    resolveConflict: async () => undefined,
    dismissConflict: () => undefined,
    showConflict: () => undefined,
    applyEdit: async () => ({ ok: true as const }),
    prepare: async () => true,
    createLayout: async () => true,
    context: { step: 'Stap 3' },
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
    .replace(/\s+/g, ' ');

function withRounds(rows: CellValue[][]): WorkbookSnapshot {
  return workbook({ rows: [['Groen', 'Geveltuinen', 1, 2, 3]] }, [{ name: RONDES.sheet, values: [[RONDES.title], [], [], [...RONDES.headers], ...rows] }]);
}

const SCORES: CellValue[][] = [
  ['ronde', 1, null, null, null, null],
  ['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 2],
  ['score', 1, 'Bram', 'Geveltuinen', 'Draagvlak', 9],
  ['score', 1, 'Bram', 'Geveltuinen', 'Politiek', 4],
];

test("before reveal a participant sees their own scores only, not the others' or the group's", () => {
  const out = html(<RondesView session={session(withRounds(SCORES), 'Ans')} />);
  expect(text(out)).toContain('Ronde 1: 2 deelnemers hebben gescoord');
  expect(out).toContain('value="2"'); // Ans's own Draagvlak score
  expect(out).not.toContain('value="9"');
  expect(out).not.toContain('value="4"');
  expect(text(out)).not.toContain('mediaan');
  expect(text(out)).toContain('Ronde 1 onthullen');
});

test('after reveal: median, spread and count per cell, most disagreement first, with every score', () => {
  const out = text(html(<RondesView session={session(withRounds([...SCORES, ['onthuld', 1, null, null, null, null]]), 'Ans')} />));
  expect(out).toContain('Bespreek eerst');
  const first = out.indexOf('Geveltuinen – Draagvlak');
  const second = out.indexOf('Geveltuinen – Politiek');
  expect(first).toBeGreaterThan(-1);
  expect(second).toBeGreaterThan(first);
  expect(out).toContain('mediaan 5,5 · spreiding 2 tot 9 · 2 gescoord');
  expect(out).toContain('Ans: 2 · Bram: 9');
  expect(out).toContain('Nieuwe ronde op 1 cel in discussie');
});
