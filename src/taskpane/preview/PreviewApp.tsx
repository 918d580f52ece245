/**
 * The task pane in a plain browser tab: the same TaskPane over a workbook held in the
 * page (template, sample data, empty, or an opened .xlsx), a toolbar to open and
 * download .xlsx files, and a read-only grid of the workbook beside the pane.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { AppFrame } from '../AppFrame';
import { createPreviewHost } from '../previewHost';
import { useWorkbookSession, type HostServices } from '../session';
import { TaskPane } from '../TaskPane';
import type { ViewId } from '../views/viewIds';
import type { SheetRole } from '../../core/layout';
import { userMessage } from '../../core/errors';
import { usePrefersDark } from '../useColorScheme';
import { createChangeFeed, installColleague } from './colleague';
import { computedCells } from './computedCells';
import { SheetGrid, type CellRef } from './SheetGrid';
import { browserWorkbookStore } from './persistence';
import { browserKeyValueArea, clearPreviewData, loadWithRetention, RETENTION_DAYS } from './retention';
import { openWorkbook, restoreWorkbook, startWorkbook, workbookBytes, XLSX_MIME, type PreviewWorkbook, type StartKind } from './workbooks';
import { formatDutchDate } from '../logic/dates';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh' },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    flexShrink: 0,
  },
  title: { marginRight: 'auto', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  main: {
    display: 'grid',
    gridTemplateColumns: 'minmax(320px, 420px) 1fr',
    flexGrow: 1,
    minHeight: 0,
    // as narrow as a task pane in Excel: the pane alone, like there
    '@media (max-width: 800px)': { gridTemplateColumns: '1fr' },
  },
  // contained like the grid: a change in the pane is laid out and painted without the grid beside it
  pane: { overflowY: 'auto', minHeight: 0, borderRight: `1px solid ${tokens.colorNeutralStroke1}`, contain: 'content' },
  grid: { minHeight: 0, minWidth: 0, display: 'flex', flexDirection: 'column', '@media (max-width: 800px)': { display: 'none' } },
  message: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  loading: { padding: tokens.spacingHorizontalXL },
  kept: { color: tokens.colorNeutralForeground2 },
});

/** `?start=sjabloon|voorbeeld|leeg` starts afresh; without it the page resumes the workbook kept in this browser. */
function requestedKind(): StartKind | null {
  const v = new URLSearchParams(window.location.search).get('start');
  return v === 'voorbeeld' || v === 'leeg' || v === 'sjabloon' ? v : null;
}

/** A moment kept by the preview (ISO text) on the Dutch clock: "30 november 2026 om 23:05". */
const dateTime = (iso: string) => formatDutchDate(new Date(iso), { clock: 'nl', month: 'long', time: true });

export function PreviewApp() {
  const styles = useStyles();
  const dark = usePrefersDark();
  const [wb, setWb] = useState<PreviewWorkbook | null>(null);
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState<CellRef | null>(null);
  const [loading, setLoading] = useState<string | null>('Werkmap maken…');
  const [message, setMessage] = useState<{ intent: 'error' | 'success' | 'warning' | 'info'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // the preview's change events: only the simulated colleague (./colleague) edits behind the pane's back
  const feed = useMemo(() => createChangeFeed(), []);
  const host = useMemo<HostServices>(
    () => ({ ...createPreviewHost((sheet, cell) => setSelected({ sheet, cell })), subscribeToChanges: feed.subscribe }),
    [feed],
  );
  const store = useMemo(() => browserWorkbookStore(), []);
  const area = useMemo(() => browserKeyValueArea(), []);
  const saveFailed = useRef(false);
  /** Set while "Wis alles wat deze preview bewaart" runs: no save may write anything back meanwhile. */
  const wiping = useRef(false);
  const [confirmWipe, setConfirmWipe] = useState(false);
  // the header's buttons that open a question get the focus back when it closes (Fluent does so only for marked controls)
  const restoreFocus = useRestoreFocusTarget();
  /** Saves to this browser's storage not yet finished (tests wait for 0 before a reload). */
  const [savesUnderWay, setSavesUnderWay] = useState(0);
  /** How many plans the workbook had when it was made or opened: more means the team changed it. */
  const pristine = useRef(0);
  const [pending, setPending] = useState<{ label: string; run: () => void; cancel?: () => void } | null>(null);
  const cancelPending = () => {
    pending?.cancel?.();
    setPending(null);
  };

  /** The workbook waiting to be kept (the latest change wins): see `keep`. */
  const queued = useRef<PreviewWorkbook | null>(null);
  /**
   * Keeps the workbook in this browser after every change; says so once when that fails.
   * Cloning the record into IndexedDB takes a few ms per 1,000 rows, so it starts after the
   * frame that shows the change is painted (a typed score is not held back by it), and
   * changes made meanwhile are kept in one save. `data-browser-saving` counts it from the
   * change on, so nothing waiting for it sees 0 before the save ends.
   */
  const keep = useCallback(
    (next: PreviewWorkbook) => {
      if (!store || wiping.current) return;
      const scheduled = queued.current !== null;
      queued.current = next;
      if (scheduled) return;
      setSavesUnderWay((n) => n + 1);
      const save = () => {
        const wb = queued.current;
        queued.current = null;
        if (!wb || wiping.current) {
          setSavesUnderWay((n) => n - 1);
          return;
        }
        store
          .save({ id: wb.id, base: wb.base, fileName: wb.fileName, plans: wb.port.plans(), pristine: pristine.current })
          .finally(() => setSavesUnderWay((n) => n - 1))
          .then(
            () => {
              saveFailed.current = false;
            },
            (e: unknown) => {
              if (saveFailed.current) return;
              saveFailed.current = true;
              setMessage({
                intent: 'warning',
                text: `Je werk kon niet in deze browser worden bewaard (${e instanceof Error ? e.message : String(e)}). Gebruik “Download .xlsx” om niets kwijt te raken.`,
              });
            },
          );
      };
      // after the next paint; a tab that paints nothing (hidden) saves within half a second all the same
      let started = false;
      const once = () => {
        if (started) return;
        started = true;
        save();
      };
      requestAnimationFrame(() => setTimeout(once, 0));
      setTimeout(once, 500);
    },
    [store],
  );

  const load = useCallback(
    async (label: string, make: () => Promise<PreviewWorkbook>, after?: { intent: 'info'; text: string }, madeOf?: number) => {
      setLoading(label);
      setMessage(null);
      try {
        const next = await make();
        next.port.onApplied = () => keep(next);
        pristine.current = madeOf ?? next.port.plans().length;
        keep(next);
        setWb(next);
        setSelected(null);
        setGeneration((g) => g + 1);
        if (after) setMessage(after);
      } catch (e) {
        setMessage({ intent: 'error', text: `${label.replace('…', '')} lukte niet. ${userMessage(e)}` });
      } finally {
        setLoading(null);
      }
    },
    [keep],
  );

  useEffect(() => {
    const kind = requestedKind();
    const start = (k: StartKind) => load('Werkmap maken…', () => startWorkbook(k));
    void (async () => {
      // the retention rule (./retention): what is older than RETENTION_DAYS days unused is wiped first
      const { saved, expiredLastUsed } = await loadWithRetention(store, area).catch((e: unknown) => {
        setMessage({
          intent: 'warning',
          text: `Wat deze preview in deze browser bewaarde kon niet worden gelezen of gewist (${e instanceof Error ? e.message : String(e)}). Wis het via de sitegegevens van je browser.`,
        });
        return { saved: null, expiredLastUsed: null };
      });
      const changed = saved !== null && saved.plans.length > (saved.pristine ?? 0);
      if (saved && (!kind || changed)) {
        await load(
          'Je werk terugzetten…',
          () => restoreWorkbook(saved),
          {
            intent: 'info',
            text: `Je werk van ${dateTime(saved.savedAt)} is teruggezet uit deze browser (${saved.fileName}). Begin opnieuw met “Nieuw sjabloon” of “Open .xlsx…”.`,
          },
          saved.pristine,
        );
        // ?start= never replaces the team's work without the same question as "Open .xlsx…"
        if (kind) {
          const forget = () => window.history.replaceState(null, '', window.location.pathname + window.location.hash);
          setPending({
            label: `Beginnen met ${kind === 'voorbeeld' ? 'het voorbeeld met gegevens' : kind === 'leeg' ? 'een lege werkmap' : 'een nieuw sjabloon'} (?start=${kind} in het adres)`,
            run: () => {
              forget();
              void start(kind);
            },
            cancel: forget,
          });
        }
      } else if (expiredLastUsed) {
        await load('Werkmap maken…', () => startWorkbook(kind ?? 'sjabloon'), {
          intent: 'info',
          text: `Wat deze preview in deze browser bewaarde (laatst gebruikt ${dateTime(expiredLastUsed)}) is gewist: het was langer dan ${RETENTION_DAYS} dagen niet gebruikt.`,
        });
      } else {
        await start(kind ?? 'sjabloon');
      }
    })();
  }, [load, store, area]);

  /** "Wis alles wat deze preview bewaart": the stored workbook and names, then a fresh template (nothing of the team's left in the page). */
  const wipeAll = async () => {
    setConfirmWipe(false);
    wiping.current = true;
    try {
      await clearPreviewData(store, area);
    } catch (e) {
      wiping.current = false;
      setMessage({ intent: 'error', text: `Wissen lukte niet (${e instanceof Error ? e.message : String(e)}). Wis het via de sitegegevens van je browser.` });
      return;
    }
    // the fresh template is not the team's work; from here on the preview keeps again what you do
    wiping.current = false;
    await load('Werkmap maken…', () => startWorkbook('sjabloon'), {
      intent: 'info',
      text: 'Alles wat deze preview in deze browser bewaarde is gewist: de werkmap met je wijzigingen en notities, en de namen die je typte.',
    });
  };

  // a simulated colleague on window (end-to-end tests of co-authoring; see ./colleague)
  useEffect(() => (wb ? installColleague(window, wb.port, feed) : undefined), [wb, feed]);

  /** Replacing a changed workbook asks first: the team's scores and notes are in it. */
  const replace = (label: string, run: () => void) => {
    if (wb && wb.port.plans().length > pristine.current) setPending({ label, run });
    else run();
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) {
      setMessage({ intent: 'error', text: `“${file.name}” is geen .xlsx-bestand. Kies een Excel-werkmap (.xlsx).` });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    await load(`${file.name} openen…`, () => openWorkbook(bytes, file.name));
  };

  const download = async () => {
    if (!wb) return;
    setLoading('Bestand maken…');
    setMessage(null);
    try {
      const bytes = await workbookBytes(wb.base, wb.port.plans());
      host.download?.(wb.fileName, bytes, XLSX_MIME);
    } catch (e) {
      setMessage({ intent: 'error', text: `Het bestand maken lukte niet. ${userMessage(e)}` });
    } finally {
      setLoading(null);
    }
  };

  return (
    <AppFrame dark={dark}>
      <div className={styles.page}>
        <header className={styles.toolbar}>
          <h1 className={styles.title}>Koppelkansen Kiezen · voorbeeld in de browser</h1>
          <Button
            size="small"
            {...restoreFocus}
            onClick={() => replace('Nieuw sjabloon', () => void load('Werkmap maken…', () => startWorkbook('sjabloon')))}
            disabled={!!loading}
          >
            Nieuw sjabloon
          </Button>
          <Button
            size="small"
            {...restoreFocus}
            onClick={() => replace('Voorbeeld met gegevens', () => void load('Voorbeeld maken…', () => startWorkbook('voorbeeld')))}
            disabled={!!loading}
          >
            Voorbeeld met gegevens
          </Button>
          <Button
            size="small"
            {...restoreFocus}
            onClick={() => replace('Lege werkmap', () => void load('Lege werkmap maken…', () => startWorkbook('leeg')))}
            disabled={!!loading}
          >
            Lege werkmap
          </Button>
          <Button size="small" {...restoreFocus} onClick={() => replace('Open .xlsx', () => fileInput.current?.click())} disabled={!!loading}>
            Open .xlsx…
          </Button>
          <input
            ref={fileInput}
            className={styles.hiddenInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="Excel-bestand openen"
            tabIndex={-1}
            onChange={(e) => void onFile(e)}
          />
          <Button size="small" appearance="primary" onClick={() => void download()} disabled={!wb || !!loading}>
            Download .xlsx
          </Button>
          {store && (
            <Text size={200} className={styles.kept} data-browser-saving={savesUnderWay}>
              Je werk blijft in deze browser bewaard, tot {RETENTION_DAYS} dagen na je laatste bezoek.
            </Text>
          )}
          <Button size="small" {...restoreFocus} onClick={() => setConfirmWipe(true)} disabled={!!loading}>
            Wis alles wat deze preview bewaart
          </Button>
          <Link inline href="privacy.html" target="_blank" rel="noopener">
            Privacy
          </Link>
        </header>
        <Dialog open={confirmWipe} onOpenChange={(_, d) => !d.open && setConfirmWipe(false)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Alles wissen wat deze preview bewaart?</DialogTitle>
              <DialogContent>
                De werkmap met alle scores, notities en namen, en de namen die je als notulist of deelnemer typte, worden uit deze browser gewist. Download de
                werkmap eerst als je hem wilt houden.
              </DialogContent>
              <DialogActions>
                <Button onClick={() => void download()}>Eerst downloaden</Button>
                <Button appearance="primary" onClick={() => void wipeAll()}>
                  Alles wissen
                </Button>
                <Button onClick={() => setConfirmWipe(false)}>Annuleren</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
        <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && cancelPending()}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Huidige werkmap vervangen?</DialogTitle>
              <DialogContent>
                In de werkmap die nu open is zijn scores, notities of andere wijzigingen gemaakt. “{pending?.label}” vervangt die werkmap, ook de kopie in deze
                browser. Download hem eerst als je hem wilt bewaren.
              </DialogContent>
              <DialogActions>
                <Button onClick={() => void download()}>Eerst downloaden</Button>
                <Button
                  appearance="primary"
                  onClick={() => {
                    const run = pending?.run;
                    setPending(null);
                    run?.();
                  }}
                >
                  Vervangen
                </Button>
                <Button onClick={cancelPending}>Annuleren</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
        {(loading || message) && (
          <div className={styles.message} role="status" aria-live="polite">
            {loading && <Spinner size="extra-tiny" label={loading} labelPosition="after" />}
            {message && (
              <MessageBar intent={message.intent}>
                <MessageBarBody>{message.text}</MessageBarBody>
                <MessageBarActions
                  containerAction={
                    <Button appearance="transparent" aria-label="Melding sluiten" onClick={() => setMessage(null)}>
                      ✕
                    </Button>
                  }
                />
              </MessageBar>
            )}
          </div>
        )}
        {wb ? (
          <PreviewSession key={generation} wb={wb} host={host} selected={selected} />
        ) : (
          <div className={styles.loading}>
            <Text>Even geduld…</Text>
          </div>
        )}
      </div>
    </AppFrame>
  );
}

/** The sheet the grid shows while a view is open (Start and Controle keep the current one). */
const SHEET_OF_VIEW: Partial<Record<ViewId, SheetRole>> = {
  stap1: 'werkblad',
  stap2: 'werkblad',
  scoren: 'werkblad',
  resultaat: 'resultaat',
  prioritering: 'prioritering',
  checklist: 'checklist',
  notulen: 'notulen',
};

/**
 * The pane and the grid of one workbook. Memoised: the page's own state (the header's
 * "saving in this browser" counter, which moves twice on every write, its messages) does not
 * re-render the pane and the grid, which at 5,000 rows would cost a visible hitch per score.
 */
const PreviewSession = memo(function PreviewSession({ wb, host, selected }: { wb: PreviewWorkbook; host: HostServices; selected: CellRef | null }) {
  const styles = useStyles();
  // drafts are scoped by this workbook's own id: one started or opened next never shows them
  const scoped = useMemo<HostServices>(() => ({ ...host, draftScope: `werkmap:${wb.id}` }), [host, wb.id]);
  const session = useWorkbookSession(wb.port, scoped);
  const computed = useMemo(() => computedCells(session.analysis), [session.analysis]);
  const [follow, setFollow] = useState<{ sheet: string } | null>(null);
  const sheets = session.analysis?.sheets;
  const onViewChange = useCallback(
    (v: ViewId) => {
      const role = SHEET_OF_VIEW[v];
      const name = role ? sheets?.[role] : null;
      if (name) setFollow({ sheet: name });
    },
    [sheets],
  );
  return (
    <main className={styles.main}>
      <div className={styles.pane} aria-label="Taakvenster">
        <TaskPane session={session} onViewChange={onViewChange} />
      </div>
      <div className={styles.grid}>
        <SheetGrid snapshot={session.snapshot} selected={selected} computed={computed} follow={follow} />
      </div>
    </main>
  );
});
