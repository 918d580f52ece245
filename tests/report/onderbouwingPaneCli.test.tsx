/**
 * Issue 12: "the same content from `koppelkansen onderbouwing` and from the pane". The pane's
 * "Onderbouwing maken" (OnderbouwingButton, rendered with react-test-renderer, its download
 * captured) and the CLI's buildOnderbouwing read the same workbook (a memory workbook holding
 * the sample workshop); both documents must say the same, word for word, and carry the chart
 * with the same alternative text. Only the chart's pixels may differ (canvas in the pane,
 * resvg in the CLI), so the browser rasteriser is replaced by a stub here.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import JSZip from 'jszip';
import { act, create, type ReactTestInstance } from 'react-test-renderer';
import { buildOnderbouwing } from '../../src/cli/onderbouwing';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { OnderbouwingButton } from '../../src/taskpane/notes';
import type { HostServices, WorkbookSession } from '../../src/taskpane/session';
import { analyze } from '../../src/core/analyze';
import { readNotes } from '../../src/core/notes';
import { docxDocumentXml, docxText } from '../helpers/docxText';
import { NOW, sampleSnapshot } from '../helpers/onderbouwingWorkbook';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// a 1×1 PNG: the pane's canvas rasteriser needs a browser (covered by tests/e2e/onderbouwing.test.ts)
const PNG_1PX = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64'));
jest.mock('../../src/taskpane/logic/rasterize', () => ({ rasterizeInBrowser: async () => PNG_1PX }));

function session(snapshot: WorkbookSnapshot, downloads: { name: string; bytes: Uint8Array }[]): WorkbookSession {
  const host: HostServices = {
    kind: 'preview',
    storage: { get: () => null, set: () => undefined },
    download: (name, bytes) => void downloads.push({ name, bytes: bytes }),
  };
  return {
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
    applyOps: async () => true,
    applyEdit: async () => ({ ok: true }),
    applyOpsResult: async (ops) => ({ operations: ops.length, appendedAt: [], missingKeys: [], conflicts: [] }),
    conflict: null,
    resolveConflict: async () => undefined,
    dismissConflict: () => undefined,
    showConflict: () => undefined,
    prepare: async () => true,
    createLayout: async () => true,
    context: { step: 'Stap 4' },
    setContext: () => undefined,
  };
}

/** The pane's document: click "Onderbouwing maken" and wait for the download. */
async function fromPane(snapshot: WorkbookSnapshot): Promise<Uint8Array> {
  const downloads: { name: string; bytes: Uint8Array }[] = [];
  let root!: ReturnType<typeof create>;
  await act(async () => {
    root = create(
      <FluentProvider theme={webLightTheme}>
        <OnderbouwingButton session={session(snapshot, downloads)} />
      </FluentProvider>,
    );
  });
  const button = root.root.findAll((n: ReactTestInstance) => n.type === 'button' && JSON.stringify(n.children).includes('Onderbouwing maken'))[0];
  expect(button).toBeDefined();
  await act(async () => {
    button.props.onClick({ preventDefault: () => undefined });
  });
  for (let i = 0; i < 200 && downloads.length === 0; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 25));
    });
  }
  act(() => root.unmount());
  expect(downloads).toHaveLength(1);
  expect(downloads[0].name).toMatch(/^Onderbouwing koppelkansen – .+\.docx$/);
  return downloads[0].bytes;
}

/** The pane dates the document today, the CLI with --now: compare without the date of the first page. */
const undated = (s: string) => s.replace(/\b\d{2}-\d{2}-\d{4}\b/g, '<datum>');

test('the pane and the CLI write the same onderbouwing for the same workbook (every section, same words, same chart alt text)', async () => {
  const snapshot = sampleSnapshot();
  const pane = await fromPane(snapshot);
  const cli = await buildOnderbouwing({ readSnapshot: async () => snapshot } as never, { now: NOW });
  const [paneText, cliText] = await Promise.all([docxText(pane), docxText(cli)]);
  expect(cliText.length).toBeGreaterThan(2000);
  expect(undated(paneText)).toBe(undated(cliText));
  // both carry the chart image with the same description
  const descr = (xml: string) => /<wp:docPr [^>]*descr="([^"]*)"/.exec(xml)?.[1];
  const [paneXml, cliXml] = await Promise.all([docxDocumentXml(pane), docxDocumentXml(cli)]);
  expect(descr(cliXml)).toMatch(/^Staafdiagram van de automatische top 15/);
  expect(descr(undated(paneXml))).toBe(descr(undated(cliXml)));
  for (const bytes of [pane, cli]) {
    const media = Object.keys((await JSZip.loadAsync(bytes)).files).filter((f) => f.startsWith('word/media/'));
    expect(media.some((f) => f.endsWith('.png'))).toBe(true);
  }
});
