/** The tabs and the status area (busy, progress, errors) over a workbook session. */
import { ConflictDialog } from './ConflictDialog';
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { lazy, memo, Suspense, useCallback, useDeferredValue, useEffect, useRef, useState, type ReactNode } from 'react';
import type { WorkbookSession } from './session';
import { StartView } from './views/StartView';
import { ControleView } from './views/ControleView';
import { useRefreshOnReturn } from './useRefreshOnReturn';
import { VIEWS, type ViewId } from './views/viewIds';

// Views beyond Start and Controle load when first opened: a smaller first download in
// Excel on the web (sliders, tables, dialogs, the notes panel come later).
const Stap1View = lazy(() => import(/* webpackChunkName: "view-stap1" */ './views/Stap1View').then((m) => ({ default: m.Stap1View })));
const Stap2View = lazy(() => import(/* webpackChunkName: "view-stap2" */ './views/Stap2View').then((m) => ({ default: m.Stap2View })));
const ScorenView = lazy(() => import(/* webpackChunkName: "view-scoren" */ './views/ScorenView').then((m) => ({ default: m.ScorenView })));
const ResultaatView = lazy(() => import(/* webpackChunkName: "view-resultaat" */ './views/ResultaatView').then((m) => ({ default: m.ResultaatView })));
const PrioriteringView = lazy(() =>
  import(/* webpackChunkName: "view-prioritering" */ './views/PrioriteringView').then((m) => ({ default: m.PrioriteringView })),
);
const ChecklistView = lazy(() => import(/* webpackChunkName: "view-checklist" */ './views/ChecklistView').then((m) => ({ default: m.ChecklistView })));
const RondesView = lazy(() => import(/* webpackChunkName: "view-rondes" */ './views/RondesView').then((m) => ({ default: m.RondesView })));
const NotulenView = lazy(() => import(/* webpackChunkName: "view-notulen" */ './views/NotulenView').then((m) => ({ default: m.NotulenView })));

const useStyles = makeStyles({
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  // nine tabs do not fit a 320 px pane on one line: let them wrap
  tabs: { flexWrap: 'wrap', paddingInline: tokens.spacingHorizontalXS },
  status: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalM,
  },
  busy: { paddingBlock: tokens.spacingVerticalXS },
  panel: {
    padding: tokens.spacingHorizontalM,
    '& h2, & h3': { margin: 0 },
  },
  blocking: { padding: tokens.spacingHorizontalL },
});

function viewFor(id: ViewId, session: WorkbookSession, go: (v: ViewId) => void, active: boolean): ReactNode {
  switch (id) {
    case 'start':
      return <StartView session={session} go={go} />;
    case 'stap1':
      return <Stap1View session={session} />;
    case 'stap2':
      return <Stap2View session={session} />;
    case 'controle':
      return <ControleView session={session} />;
    case 'scoren':
      return <ScorenView session={session} active={active} />;
    case 'rondes':
      return <RondesView session={session} />;
    case 'resultaat':
      return <ResultaatView session={session} />;
    case 'prioritering':
      return <PrioriteringView session={session} />;
    case 'checklist':
      return <ChecklistView session={session} go={go} />;
    case 'notulen':
      return <NotulenView session={session} />;
  }
}

/**
 * One view, rendered again only when its session, its `active` flag or `go` changes
 * (memoised): TaskPane hands a hidden view a deferred session (see there), so a write
 * renders the view on screen first and the hidden ones after it.
 */
const ViewContent = memo(function ViewContent({ id, session, go, active }: { id: ViewId; session: WorkbookSession; go: (v: ViewId) => void; active: boolean }) {
  return <>{viewFor(id, session, go, active)}</>;
});

/** A new view starts at its top: scroll the pane's scroll container (or the page) up. */
function scrollToTop(from: HTMLElement | null): void {
  for (let el = from?.parentElement ?? null; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollTop > 0) el.scrollTop = 0;
  }
  if (window.scrollY > 0) window.scrollTo(0, 0);
}

export interface TaskPaneProps {
  session: WorkbookSession;
  initialView?: ViewId;
  /** Told when the user opens another view (the preview shows the matching sheet). */
  onViewChange?: (view: ViewId) => void;
}

/**
 * The row of view tabs. Memoised: it depends only on the view shown, so the pane's renders
 * during a write (busy, the new snapshot, done) do not render its 12 tabs again.
 */
const ViewTabs = memo(function ViewTabs({ view, className, onSelect }: { view: ViewId; className: string; onSelect: (v: ViewId) => void }) {
  return (
    <TabList
      className={className}
      selectedValue={view}
      onTabSelect={(_, d) => onSelect(d.value as ViewId)}
      size="small"
      aria-label="Onderdelen van Koppelkansen Kiezen"
    >
      {VIEWS.map((v) => (
        <Tab key={v.id} value={v.id} id={`tab-${v.id}`} aria-controls={`panel-${v.id}`}>
          {v.label}
        </Tab>
      ))}
    </TabList>
  );
});

export function TaskPane({ session, initialView = 'start', onViewChange }: TaskPaneProps) {
  const styles = useStyles();
  const [view, setView] = useState<ViewId>(initialView);
  // views are mounted on first visit and then kept (unsaved edits survive a tab switch)
  const [visited, setVisited] = useState<Set<ViewId>>(() => new Set([initialView]));
  const { busy, progress, error, host } = session;
  useRefreshOnReturn(session.refresh);
  // the views visited before and now hidden stay mounted (unsaved edits survive a tab switch) and
  // follow the workbook through this deferred session: React renders them after the render that
  // shows a write in the view on screen and the preview's grid, in the background (a typed
  // score at 5,000 rows is not held back by the Start counts or the Controle list)
  const background = useDeferredValue(session);

  const top = useRef<HTMLDivElement>(null);
  const go = useCallback(
    (v: ViewId) => {
      setView(v);
      setVisited((s) => (s.has(v) ? s : new Set(s).add(v)));
      scrollToTop(top.current);
      onViewChange?.(v);
    },
    [onViewChange],
  );

  // the discussion context follows the view (Scoren refines it per koppelkans)
  const setContext = session.setContext;
  const lastStep = useRef<string | null>(null);
  useEffect(() => {
    const step = VIEWS.find((v) => v.id === view)?.step ?? null;
    if (step && step !== lastStep.current && view !== 'scoren') setContext({ step });
    if (step) lastStep.current = step;
  }, [view, setContext]);

  if (host.requirementError) {
    return (
      <div className={styles.blocking}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Deze Excel-versie is te oud</MessageBarTitle>
            {host.requirementError}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  return (
    <>
      <div className={styles.header} ref={top}>
        <ViewTabs view={view} className={styles.tabs} onSelect={go} />
        <div className={styles.status} role="status" aria-live="polite" data-completed={session.completed}>
          {busy && (
            <div className={styles.busy}>
              <Spinner size="extra-tiny" label={busy} labelPosition="after" />
              <ProgressBar value={progress ?? undefined} thickness="medium" aria-label={busy} />
            </div>
          )}
        </div>
        {error && (
          <div className={styles.status}>
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Dat lukte niet</MessageBarTitle>
                {error}
              </MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button appearance="transparent" aria-label="Melding sluiten" onClick={session.clearError}>
                    ✕
                  </Button>
                }
              />
            </MessageBar>
          </div>
        )}
      </div>
      <ConflictDialog session={session} />
      {VIEWS.map((v) =>
        visited.has(v.id) ? (
          <section key={v.id} id={`panel-${v.id}`} role="tabpanel" aria-labelledby={`tab-${v.id}`} hidden={v.id !== view} className={styles.panel}>
            {session.snapshot === null ? (
              <Spinner label="Werkmap lezen…" />
            ) : (
              <Suspense fallback={<Spinner label="Laden…" />}>
                <ViewContent id={v.id} session={v.id === view || background.snapshot === null ? session : background} go={go} active={v.id === view} />
              </Suspense>
            )}
          </section>
        ) : null,
      )}
    </>
  );
}
