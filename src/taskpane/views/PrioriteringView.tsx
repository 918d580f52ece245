/**
 * Prioritering (stap 4): the team's own order, reorderable by drag and drop (@dnd-kit:
 * mouse, touch and keyboard, with spoken announcements), by ↑/↓ (also Alt+ArrowUp/Down)
 * and by "Naar plaats …", with "Omdat…" and Verantwoordelijke per entry and the automatic
 * rank beside it. Everything is written as the team works, without an "Opslaan": a move at
 * once, typed text after a short pause or when the field is left. Writes are co-author
 * safe (only changed cells, each checked against what the pane last read; see
 * `prioriteringEdit`). Moving an entry away from the automatic order without a reason asks
 * for the reason, which goes into the Omdat cell and, as a note, into the Notulen.
 */
import {
  Badge,
  Button,
  Combobox,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Text,
  Textarea,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { prioriteringEdit } from '../../core/edits';
import { reasonWithNote } from '../../core/notes';
import { nameKey } from '../../core/names';
import { autoRankByName, findPrioSheet, type PrioLayout } from '../../core/prioritering';
import { tryParseCell } from '../../core/a1';
import type { CellConflict } from '../../core/keyedRows';
import { tieSizes } from '../../core/ranking';
import { simulate } from '../../core/simulate';
import type { PlanOp, SheetSnapshot } from '../../core/snapshot';
import type { WorkbookSession } from '../session';
import { itemsFromEntries, itemStatuses, moveItem, sameItems, type ItemStatus, type PrioItem } from '../logic/reorder';
import { OnderbouwingButton } from '../notes/OnderbouwingButton';
import { ConfirmDialog } from '../ConfirmDialog';
import { TwoVersions } from '../TwoVersions';
import { PlaceDialog, type PlaceRequest } from './PlaceDialog';
import { ReasonDialog, type ReasonRequest } from './ReasonDialog';

/** How long typing may pause before the text is written (ms); leaving the field writes at once. */
const TYPING_PAUSE_MS = 700;

/** " (gedeeld: plaats 2–3)" for a rank that several koppelkansen share, else "". */
function sharedPlaces(rank: number, ties: Map<number, number>): string {
  const n = ties.get(rank) ?? 1;
  return n > 1 ? ` (gedeeld: plaats ${rank}–${rank + n - 1})` : '';
}

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    position: 'relative',
  },
  dragging: { boxShadow: tokens.shadow16, zIndex: 1, border: `2px dashed ${tokens.colorBrandStroke1}` },
  flagged: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  handle: { cursor: 'grab', touchAction: 'none', minWidth: '28px', paddingInline: tokens.spacingHorizontalXS },
  icon: { minWidth: '28px', paddingInline: tokens.spacingHorizontalXS },
  name: { flexGrow: 1, flexBasis: '8em', fontWeight: tokens.fontWeightSemibold, minWidth: 0, overflowWrap: 'anywhere' },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  add: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: 0 },
});

const SAVE_LABEL = 'Prioritering opslaan…';

/**
 * A text the team typed ("Omdat…" or "Verantwoordelijke") whose cell a colleague changed
 * meanwhile: the field keeps the team's text, it is not written, and the field shows both
 * versions until the team chooses (here or in the conflict question).
 */
interface TextClash {
  /** The pane's entry (PrioItem.id). */
  id: string;
  field: 'omdat' | 'verantwoordelijke';
  /** The colleague's text as the refused write found it. */
  theirs: string;
}

/**
 * The refused cells of one Prioritering write as text clashes of `list`'s entries, or null when
 * any refused cell is not an Omdat…/Verantwoordelijke cell of a listed entry (an order a colleague
 * changed: then the pane follows the workbook and the conflict question holds both versions).
 */
function textClashes(conflicts: readonly CellConflict[], layout: PrioLayout, list: readonly PrioItem[]): TextClash[] | null {
  const out: TextClash[] = [];
  for (const x of conflicts) {
    const pos = x.sheet === layout.sheet ? tryParseCell(x.cell) : null;
    const field = pos?.column === layout.columns.omdat ? 'omdat' : pos?.column === layout.columns.verantwoordelijke ? 'verantwoordelijke' : null;
    const item = x.key !== undefined ? list.find((i) => nameKey(i.koppelkans) === nameKey(x.key)) : pos ? list[pos.row - layout.firstRow] : undefined;
    if (!field || !item) return null;
    out.push({ id: item.id, field, theirs: x.actual === null || x.actual === undefined ? '' : String(x.actual) });
  }
  return out;
}

/**
 * Three-way merge after a refused write: what the pane changed since `before` (its last read or
 * write) stays as typed; everything else takes the workbook's `now`. The order is the workbook's
 * unless the pane reordered. Entries are matched by name (names.ts rule); the pane's ids stay.
 */
function keepTyped(pane: readonly PrioItem[], before: readonly PrioItem[], now: readonly PrioItem[]): PrioItem[] {
  const key = (i: PrioItem) => nameKey(i.koppelkans);
  const old = new Map(before.map((i) => [key(i), i]));
  const there = new Map(now.map((i) => [key(i), i]));
  const mine = new Map(pane.map((i) => [key(i), i]));
  const reordered = pane.map(key).join('\n') !== before.map(key).join('\n');
  const order = reordered ? pane : now.map((w) => mine.get(key(w)) ?? w);
  return order.map((it) => {
    const k = key(it);
    const p = mine.get(k);
    const o = old.get(k);
    const w = there.get(k);
    const pick = (f: 'omdat' | 'verantwoordelijke') => (p && (!o || p[f] !== o[f]) ? p[f] : (w?.[f] ?? it[f]));
    return { ...it, omdat: pick('omdat'), verantwoordelijke: pick('verantwoordelijke') };
  });
}

let nextId = 0;
const newId = () => `n${++nextId}`;

/** Focuses an element once every dialog has gone (Fluent restores focus on its own when it unmounts). */
function focusAfterDialog(find: () => HTMLElement | null | undefined): void {
  const start = Date.now();
  const tick = () => {
    if (document.querySelector('[role="dialog"], [role="alertdialog"]') && Date.now() - start < 5000) requestAnimationFrame(tick);
    else setTimeout(() => find()?.focus(), 0);
  };
  requestAnimationFrame(tick);
}

/** What a screen reader hears while an entry is dragged (Dutch; places are 1-based). */
function announcements(nameOf: (id: string | number) => string, placeOf: (id: string | number) => number): Announcements {
  return {
    onDragStart: ({ active }) => `“${nameOf(active.id)}” opgepakt op plaats ${placeOf(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `“${nameOf(active.id)}” boven plaats ${placeOf(over.id)}.` : `“${nameOf(active.id)}” is niet boven de lijst.`),
    onDragEnd: ({ active, over }) => (over ? `“${nameOf(active.id)}” neergezet op plaats ${placeOf(over.id)}.` : `“${nameOf(active.id)}” teruggezet.`),
    onDragCancel: ({ active }) => `Verslepen afgebroken; “${nameOf(active.id)}” staat weer op plaats ${placeOf(active.id)}.`,
  };
}

function SortableEntry({ id, className, children }: { id: string; className: string; children: (handle: ReactNode) => ReactNode }) {
  const styles = useStyles();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const handle = (
    <Button
      ref={setActivatorNodeRef}
      {...attributes}
      {...listeners}
      className={styles.handle}
      size="small"
      appearance="subtle"
      data-control="handle"
      aria-roledescription="versleepbaar"
      title="Sleep om te verplaatsen (of Spatie, pijltjes, Spatie)"
    >
      ⠿
    </Button>
  );
  return (
    <li
      ref={setNodeRef}
      data-item={id}
      data-testid="prio-item"
      className={mergeClasses(className, isDragging && styles.dragging)}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      {children(handle)}
    </li>
  );
}

export function PrioriteringView({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  const a = session.analysis;
  const prio = a?.prioritering ?? null;
  const fromWorkbook = useMemo(() => itemsFromEntries(prio?.entries ?? []), [prio]);
  const prioSheet = useMemo(() => (session.snapshot ? findPrioSheet(session.snapshot) : undefined), [session.snapshot]);
  const [items, setItemsState] = useState<PrioItem[]>(fromWorkbook);
  const [adding, setAdding] = useState('');
  const [reason, setReason] = useState<ReasonRequest | null>(null);
  const [placeFor, setPlaceFor] = useState<PlaceRequest | null>(null);
  const [removing, setRemoving] = useState<PrioItem | null>(null);
  // Fluent gives focus back to the control that opened a dialog only when it is marked so
  const restoreFocus = useRestoreFocusTarget();
  const [message, setMessage] = useState<string | null>(null);
  /** Entries whose typed text could not be written because a colleague removed their row meanwhile. */
  const [lost, setLost] = useState<PrioItem[]>([]);
  const [saving, setSaving] = useState(false);
  const [tick, setTick] = useState(0);
  const [clashes, setClashesState] = useState<TextClash[]>([]);
  const clashesRef = useRef<TextClash[]>([]);
  const setClashes = useCallback((next: TextClash[]) => {
    clashesRef.current = next;
    setClashesState(next);
  }, []);
  /** Set when a write was refused for text clashes: the next read becomes the base, the typed text stays. */
  const rebaseRef = useRef(false);
  const focusAfter = useRef<{ id: string; control: string } | null>(null);
  const lastMove = useRef<{ id: string; control: string } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // what the pane shows, what it last wrote or read, and the sheet as it last read it
  const itemsRef = useRef(items);
  const savedRef = useRef<PrioItem[]>(fromWorkbook);
  const baseRef = useRef<SheetSnapshot | undefined>(prioSheet);
  const savingRef = useRef(false);
  const againRef = useRef<PlanOp[] | null>(null);
  const followRef = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sessionRef = useRef(session);
  sessionRef.current = session;

  const setItems = useCallback((next: PrioItem[]) => {
    itemsRef.current = next;
    setItemsState(next);
  }, []);

  const ranks = useMemo(() => autoRankByName(a?.ranking ?? [], a?.werkblad?.rows ?? []), [a]);
  const ties = useMemo(() => tieSizes(a?.ranking ?? []), [a]);
  const ranksRef = useRef(ranks);
  ranksRef.current = ranks;
  const layoutRef = useRef(prio?.layout);
  layoutRef.current = prio?.layout;

  /** `list` with every clashing field at the workbook's value: what may be written while the team has not chosen. */
  const withheld = useCallback((list: PrioItem[]): PrioItem[] => {
    const open = clashesRef.current;
    if (!open.length) return list;
    const saved = new Map(savedRef.current.map((i) => [nameKey(i.koppelkans), i]));
    return list.map((it) => {
      let out = it;
      for (const c of open) if (c.id === it.id) out = { ...out, [c.field]: saved.get(nameKey(it.koppelkans))?.[c.field] ?? c.theirs };
      return out;
    });
  }, []);
  const flushRef = useRef<(extra?: PlanOp[]) => Promise<void>>(async () => undefined);

  // follow the workbook while nothing typed in the pane is waiting to be written
  useEffect(() => {
    if (savingRef.current) return;
    if (rebaseRef.current) {
      // a write refused for a colleague's text: what the workbook holds now is the base the next
      // write is guarded by; the pane keeps every typed text (the clashing ones are withheld), and
      // what else was typed in the refused write is written again
      rebaseRef.current = false;
      const merged = keepTyped(itemsRef.current, savedRef.current, fromWorkbook);
      savedRef.current = fromWorkbook;
      baseRef.current = prioSheet;
      if (!sameItems(itemsRef.current, merged)) setItems(merged);
      // a write asked for before this read came (an answer, a note) runs now, on the new base
      const extra = againRef.current;
      againRef.current = null;
      if (extra || !sameItems(withheld(merged), fromWorkbook)) void flushRef.current(extra ?? []);
      return;
    }
    const clean = sameItems(itemsRef.current, savedRef.current);
    if (!clean && !followRef.current) return;
    followRef.current = false;
    savedRef.current = fromWorkbook;
    baseRef.current = prioSheet;
    // keep the pane's ids (and so focus) when the workbook holds what the pane shows
    if (!sameItems(itemsRef.current, fromWorkbook)) setItems(fromWorkbook);
  }, [fromWorkbook, prioSheet, tick, setItems, withheld]);

  /** Writes what changed since the last write, once at a time; a request during a write runs after it. */
  const flush = useCallback(
    async (extra: PlanOp[] = []) => {
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
      }
      const layout = layoutRef.current;
      if (!layout) return;
      if (savingRef.current) {
        againRef.current = [...(againRef.current ?? []), ...extra];
        return;
      }
      // a text the team has not chosen about yet is not written (its cell holds a colleague's text)
      const list = withheld(itemsRef.current);
      if (sameItems(list, savedRef.current) && extra.length === 0) return;
      const edit = prioriteringEdit(layout, baseRef.current, list, ranksRef.current);
      if (!edit.ok) {
        setMessage(edit.message);
        return;
      }
      setMessage(null);
      savingRef.current = true;
      setSaving(true);
      const ops = [...edit.ops, ...extra];
      if (!ops.length && clashesRef.current.length) {
        // only text the team has not chosen about differs: nothing to write (no empty write and re-read)
        savingRef.current = false;
        setSaving(false);
        return;
      }
      const result = await sessionRef.current.applyOpsResult(ops, SAVE_LABEL, { onConflictChoice: (choice) => settleRef.current(choice) });
      const found = result && result.conflicts.length && !result.missingKeys.length ? textClashes(result.conflicts, layout, list) : null;
      if (found) {
        // a colleague wrote the same Omdat…/Verantwoordelijke meanwhile: the field keeps the team's
        // text (not replaced by the colleague's while the question is open) and shows both versions;
        // everything is read afresh first, so the next write is guarded by what the colleague wrote
        const key = (c: TextClash) => `${c.id}|${c.field}`;
        const fresh = new Set(found.map(key));
        setClashes([...clashesRef.current.filter((c) => !fresh.has(key(c))), ...found]);
        rebaseRef.current = true;
        await sessionRef.current.refresh({ fresh: true });
      }
      savingRef.current = false;
      setSaving(false);
      if (result && result.missingKeys.length) {
        // a colleague removed the row of an entry whose text was being written: nothing landed elsewhere;
        // keep what was typed visible (the list follows the workbook) so it is not lost silently
        const gone = new Set(result.missingKeys.map(nameKey));
        const was = new Map(savedRef.current.map((i) => [nameKey(i.koppelkans), i]));
        setLost((l) => [
          ...l,
          ...list.filter((i) => {
            const before = was.get(nameKey(i.koppelkans));
            return gone.has(nameKey(i.koppelkans)) && (!before || before.omdat !== i.omdat || before.verantwoordelijke !== i.verantwoordelijke);
          }),
        ]);
        followRef.current = true;
      } else if (result && result.conflicts.length === 0) {
        savedRef.current = list;
        const base = baseRef.current;
        if (base) baseRef.current = simulate({ sheets: [base] }, edit.ops).sheets[0];
      } else if (result && !found) {
        followRef.current = true; // a colleague's change of the order: show the workbook; the conflict dialog holds both versions
      }
      setTick((t) => t + 1);
      const again = againRef.current;
      againRef.current = null;
      if (again && rebaseRef.current) againRef.current = again;
      else if (again) void flush(again);
    },
    [withheld, setClashes],
  );

  flushRef.current = flush;

  /**
   * The team's answer to text clashes (`only` one field, or all): 'mine' writes the typed text
   * over the colleague's (guarded by what the colleague wrote), 'theirs' puts the colleague's
   * text in the field.
   */
  const settle = useCallback(
    async (choice: 'mine' | 'theirs', only?: TextClash) => {
      const targets = only ? [only] : clashesRef.current;
      if (choice === 'theirs' && targets.length) {
        const saved = new Map(savedRef.current.map((i) => [nameKey(i.koppelkans), i]));
        setItems(
          itemsRef.current.map((it) => {
            let out = it;
            for (const c of targets) if (c.id === it.id) out = { ...out, [c.field]: saved.get(nameKey(it.koppelkans))?.[c.field] ?? c.theirs };
            return out;
          }),
        );
      }
      setClashes(clashesRef.current.filter((c) => !targets.includes(c)));
      // answered before the fresh read came: the rebase writes it, guarded by what the colleague wrote
      if (rebaseRef.current) return;
      await flush();
    },
    [flush, setItems, setClashes],
  );
  const settleRef = useRef(settle);
  settleRef.current = settle;

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), TYPING_PAUSE_MS);
  }, [flush]);

  // leaving the view (or closing the pane) writes what is still waiting
  useEffect(
    () => () => {
      if (timer.current) void flush();
    },
    [flush],
  );

  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    focusAfter.current = null;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-item="${f.id}"] [data-control="${f.control}"]:not(:disabled)`);
    (
      el ??
      listRef.current?.querySelector<HTMLElement>(
        `[data-item="${f.id}"] [data-control="down"]:not(:disabled), [data-item="${f.id}"] [data-control="up"]:not(:disabled)`,
      )
    )?.focus();
  }, [items]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const statuses = itemStatuses(items, ranks, ties);

  if (!a || !a.werkblad) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Er is nog geen werkblad. Ga naar Start om de werkmap voor te bereiden.</MessageBarBody>
      </MessageBar>
    );
  }
  if (!prio) {
    return (
      <div className={styles.stack}>
        <MessageBar intent="info">
          <MessageBarBody>Er is nog geen blad Prioritering. “Werkmap voorbereiden” maakt het aan.</MessageBarBody>
        </MessageBar>
        <div>
          <Button appearance="primary" disabled={!!session.busy} onClick={() => void session.prepare()}>
            Werkmap voorbereiden
          </Button>
        </div>
      </div>
    );
  }

  const layout = prio.layout;
  const inList = new Set(items.map((i) => nameKey(i.koppelkans)));
  const candidates = [...new Set(a.werkblad.rows.map((r) => r.koppelkans).filter((k) => k && !inList.has(nameKey(k))))];
  // nothing chosen on the werkblad yet: the team picks its koppelkansen in Stap 2 first (not "all are in the list")
  const noneOnWerkblad = !a.werkblad.rows.some((r) => r.koppelkans);
  const nameOf = (id: string | number) => items.find((i) => i.id === id)?.koppelkans ?? '';
  const placeOf = (id: string | number) => items.findIndex((i) => i.id === id) + 1;

  const move = (from: number, to: number, control: string) => {
    if (to < 0 || to >= items.length || from === to) return;
    const next = moveItem(items, from, to);
    const moved = items[from];
    setItems(next);
    lastMove.current = { id: moved.id, control };
    const st: ItemStatus = itemStatuses(next, ranks, ties)[to];
    // the dialog takes the focus; only without one does focus follow the moved entry
    if (st.needsReason) setReason({ id: moved.id, koppelkans: moved.koppelkans, place: st.place, autoRank: st.autoRank! });
    else focusAfter.current = { id: moved.id, control };
    void flush();
  };

  const controlOf = (f: { id: string; control: string } | null) =>
    f
      ? (listRef.current?.querySelector<HTMLElement>(`[data-item="${f.id}"] [data-control="${f.control}"]:not(:disabled)`) ??
        listRef.current?.querySelector<HTMLElement>(`[data-item="${f.id}"] button:not(:disabled)`))
      : null;
  const closeReason = () => {
    setReason(null);
    const f = lastMove.current;
    focusAfterDialog(() => controlOf(f));
  };

  const update = (id: string, change: Partial<PrioItem>) => {
    setItems(itemsRef.current.map((it) => (it.id === id ? { ...it, ...change } : it)));
    schedule();
  };

  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over || e.active.id === e.over.id) return;
    const from = items.findIndex((i) => i.id === e.active.id);
    const to = items.findIndex((i) => i.id === e.over!.id);
    if (from >= 0 && to >= 0) move(from, to, 'handle');
  };
  const onItemKey = (i: number) => (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const control = (e.target as HTMLElement).closest('[data-control]')?.getAttribute('data-control') ?? 'up';
    move(i, i + (e.key === 'ArrowUp' ? -1 : 1), control);
  };
  const remove = (it: PrioItem) => {
    setItems(itemsRef.current.filter((x) => x.id !== it.id));
    void flush();
  };

  const missingReasons = statuses.filter((st) => st.needsReason).length;
  const pending = saving || !sameItems(items, savedRef.current);
  const clashView = (it: PrioItem, field: TextClash['field']) => {
    const c = clashes.find((x) => x.id === it.id && x.field === field);
    if (!c) return null;
    const what = field === 'omdat' ? 'Omdat…' : 'Verantwoordelijke';
    return (
      <TwoVersions
        size="small"
        label={`${what} bij ${it.koppelkans}: twee versies`}
        message={`Een collega schreef hier intussen: “${c.theirs || '(leeg)'}”. Jouw tekst staat in het veld en is nog niet opgeslagen; er is niets overschreven.`}
        busy={!!session.busy || saving}
        onMine={() => {
          void settle('mine', c).then(() => {
            // the last open clash of this view answered here: the conflict question has nothing left to ask
            if (!clashesRef.current.length && sessionRef.current.conflict?.label === SAVE_LABEL) void sessionRef.current.resolveConflict('mine');
          });
        }}
        onTheirs={() => {
          void settle('theirs', c).then(() => {
            if (!clashesRef.current.length && sessionRef.current.conflict?.label === SAVE_LABEL) void sessionRef.current.resolveConflict('theirs');
          });
        }}
      />
    );
  };
  return (
    <div className={styles.stack}>
      <Text as="h2" size={500} weight="semibold">
        Prioritering van het team
      </Text>
      <Text size={200}>
        Zet de koppelkansen in jullie eigen volgorde: sleep een regel (ook met Spatie en de pijltjes op ⠿), gebruik ↑/↓ (Alt+pijl omhoog/omlaag) of “Naar plaats
        …”. Alleen wat jullie verplaatsen ten opzichte van de automatische volgorde heeft een reden nodig bij “Omdat…”. Alles wordt meteen in de werkmap
        bewaard.
      </Text>
      {items.length === 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {noneOnWerkblad
              ? 'Er staan nog geen koppelkansen op het werkblad. Kies ze eerst bij Stap 2 en scoor ze bij Scoren; daarna bepaal je hier de volgorde.'
              : 'De prioritering is nog leeg. Begin met de automatische volgorde (de top 15) of voeg hieronder koppelkansen toe.'}{' '}
            <Button size="small" disabled={!!session.busy || a.top.length === 0} onClick={() => void session.prepare({ propose: true })}>
              Automatische volgorde overnemen
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements: announcements(nameOf, placeOf),
          screenReaderInstructions: {
            draggable: 'Druk op Spatie om de koppelkans op te pakken, verplaats hem met pijl omhoog of omlaag en zet hem neer met Spatie. Escape breekt af.',
          },
        }}
      >
        <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ul className={styles.list} ref={listRef} aria-label="Prioritering, in volgorde">
            {items.map((it, i) => {
              const st = statuses[i];
              return (
                <SortableEntry key={it.id} id={it.id} className={mergeClasses(styles.item, st.needsReason && styles.flagged)}>
                  {(handle) => (
                    <div onKeyDown={onItemKey(i)}>
                      <div className={styles.line}>
                        {handle}
                        <Text className={styles.name} data-testid="prio-name">
                          {st.place}. {it.koppelkans}
                        </Text>
                        <Button
                          className={styles.icon}
                          size="small"
                          data-control="up"
                          aria-label={`${it.koppelkans} omhoog`}
                          aria-keyshortcuts="Alt+ArrowUp"
                          disabled={i === 0}
                          onClick={() => move(i, i - 1, 'up')}
                        >
                          ↑
                        </Button>
                        <Button
                          className={styles.icon}
                          size="small"
                          data-control="down"
                          aria-label={`${it.koppelkans} omlaag`}
                          aria-keyshortcuts="Alt+ArrowDown"
                          disabled={i === items.length - 1}
                          onClick={() => move(i, i + 1, 'down')}
                        >
                          ↓
                        </Button>
                        <Button
                          size="small"
                          data-control="place"
                          aria-label={`${it.koppelkans} naar plaats …`}
                          disabled={items.length < 2}
                          onClick={() => {
                            lastMove.current = { id: it.id, control: 'place' };
                            setPlaceFor({ id: it.id, koppelkans: it.koppelkans, place: i + 1, count: items.length });
                          }}
                        >
                          Naar plaats …
                        </Button>
                        <Button
                          className={styles.icon}
                          size="small"
                          appearance="subtle"
                          {...restoreFocus}
                          aria-label={`${it.koppelkans} verwijderen`}
                          onClick={() => (it.omdat.trim() || it.verantwoordelijke.trim() ? setRemoving(it) : remove(it))}
                        >
                          ✕
                        </Button>
                      </div>
                      <div className={styles.meta}>
                        <Text size={200}>
                          {st.autoRank === null ? 'geen automatische rang' : `automatisch: ${st.autoRank}${sharedPlaces(st.autoRank, ties)}`}
                        </Text>
                        {st.deviates && !st.needsReason && (
                          <Badge appearance="tint" color="informative">
                            afwijking met reden
                          </Badge>
                        )}
                        {st.needsReason && (
                          <Badge appearance="filled" color="danger">
                            Afwijking zonder reden
                          </Badge>
                        )}
                      </div>
                      <Field
                        label="Omdat…"
                        size="small"
                        validationState={st.needsReason ? 'warning' : 'none'}
                        validationMessage={st.needsReason ? `Waarom op plaats ${st.place} en niet op ${st.autoRank}?` : undefined}
                      >
                        <Textarea
                          data-control="omdat"
                          size="small"
                          rows={2}
                          value={it.omdat}
                          resize="vertical"
                          onChange={(_, d) => update(it.id, { omdat: d.value })}
                          onBlur={() => void flush()}
                        />
                      </Field>
                      {clashView(it, 'omdat')}
                      <Field label="Verantwoordelijke" size="small">
                        <Input
                          data-control="verantwoordelijke"
                          size="small"
                          value={it.verantwoordelijke}
                          onChange={(_, d) => update(it.id, { verantwoordelijke: d.value })}
                          onBlur={() => void flush()}
                        />
                      </Field>
                      {clashView(it, 'verantwoordelijke')}
                    </div>
                  )}
                </SortableEntry>
              );
            })}
          </ul>
        </SortableContext>
      </DndContext>
      <div className={styles.add}>
        <Field label="Koppelkans toevoegen" className={styles.grow}>
          <Combobox
            placeholder={
              candidates.length
                ? 'Kies een koppelkans van het werkblad'
                : noneOnWerkblad
                  ? 'Nog geen koppelkansen op het werkblad (kies ze bij Stap 2)'
                  : 'Alle koppelkansen staan al in de lijst'
            }
            value={adding}
            selectedOptions={adding ? [adding] : []}
            onOptionSelect={(_, d) => setAdding(d.optionValue ?? '')}
            onChange={(e) => setAdding(e.target.value)}
          >
            {candidates.map((k) => (
              <Option key={k} value={k}>
                {k}
              </Option>
            ))}
          </Combobox>
        </Field>
        <Button
          disabled={!adding.trim()}
          onClick={() => {
            setItems([...itemsRef.current, { id: newId(), koppelkans: adding.trim(), omdat: '', verantwoordelijke: '' }]);
            setAdding('');
            void flush();
          }}
        >
          Toevoegen
        </Button>
      </div>
      {missingReasons > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {missingReasons === 1 ? '1 koppelkans is' : `${missingReasons} koppelkansen zijn`} verplaatst ten opzichte van de automatische volgorde zonder
            reden.
          </MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent="error">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {lost.map((i) => (
        <MessageBar key={i.id} intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            {`Een collega heeft “${i.koppelkans}” intussen uit het blad Prioritering gehaald. Wat je typte is niet opgeslagen:`}
            {i.omdat ? ` Omdat… “${i.omdat}”.` : ''}
            {i.verantwoordelijke ? ` Verantwoordelijke “${i.verantwoordelijke}”.` : ''}
            {' Voeg de koppelkans opnieuw toe als hij terug moet, en neem je tekst over.'}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setLost((l) => l.filter((x) => x !== i))}>
              Sluiten
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
      <div className={styles.buttons} aria-live="polite">
        <Text size={200} data-testid="prio-save-state">
          {clashes.length
            ? 'Niet alles is opgeslagen: kies bij de twee versies welke je houdt.'
            : pending
              ? 'Wordt bewaard…'
              : 'Alles is bewaard in de werkmap.'}
        </Text>
      </div>
      <OnderbouwingButton session={session} />
      <PlaceDialog
        request={placeFor}
        onCancel={() => {
          setPlaceFor(null);
          const f = lastMove.current;
          focusAfterDialog(() => controlOf(f));
        }}
        onMove={(id, place) => {
          setPlaceFor(null);
          const from = items.findIndex((x) => x.id === id);
          if (from < 0 || place - 1 === from) {
            focusAfterDialog(() => controlOf({ id, control: 'place' }));
            return;
          }
          move(from, place - 1, 'place');
          if (!focusAfter.current) return; // the reason dialog opened and owns the focus
          focusAfter.current = null;
          focusAfterDialog(() => controlOf({ id, control: 'place' }));
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title={removing ? `“${removing.koppelkans}” uit de prioritering halen?` : ''}
        confirmLabel="Uit de lijst halen"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove(removing);
          setRemoving(null);
        }}
      >
        {removing && (
          <Text>
            De reden{removing.verantwoordelijke.trim() ? ' en de verantwoordelijke' : ''} bij deze koppelkans verdwijnen dan van het blad Prioritering. Een
            reden die als notitie in de Notulen staat, blijft daar.
          </Text>
        )}
      </ConfirmDialog>
      <ReasonDialog
        request={reason}
        session={session}
        onCancel={(typed) => {
          const r = reason;
          closeReason();
          // Esc or "Later" after typing: the text stays, as Omdat… (written like that field, no note)
          if (r && typed.trim()) update(r.id, { omdat: typed });
        }}
        onConfirm={(text, author) => {
          if (!reason) return;
          const r = reason;
          setItems(itemsRef.current.map((it) => (it.id === r.id ? { ...it, omdat: text } : it)));
          closeReason();
          // the reason also becomes a note (redenering, Stap 4) when there is a Notulen sheet; the Omdat cell goes with the order
          let extra: PlanOp[] = [];
          const index = itemsRef.current.findIndex((it) => it.id === r.id);
          if (session.notes.sheet && index >= 0) {
            const res = reasonWithNote(
              { sheet: layout.sheet, row: layout.firstRow + index, omdatColumn: layout.columns.omdat, koppelkans: r.koppelkans },
              text,
              author,
              new Date(),
            );
            if (res.ok) extra = res.ops.filter((op) => op.kind === 'appendRows');
            else setMessage(res.message);
          }
          void flush(extra);
        }}
      />
    </div>
  );
}
