/**
 * Prioritering (stap 4): the team's own order, reorderable by drag and drop and by
 * keyboard (buttons, Alt+ArrowUp/Down), with "Omdat…" and Verantwoordelijke per entry
 * and the automatic rank beside it. "Opslaan" writes only the team's columns (A–D).
 * Moving an entry away from its automatic rank without a reason asks for the reason,
 * which goes into the Omdat cell and, as a note, into the Notulen.
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
  MessageBarBody,
  Option,
  Text,
  Textarea,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { prioriteringEdit } from '../../core/edits';
import { reasonWithNote } from '../../core/notes';
import type { PlanOp } from '../../core/snapshot';
import type { WorkbookSession } from '../session';
import { autoRanks, itemsFromEntries, itemStatuses, moveItem, sameItems, type PrioItem } from '../logic/reorder';
import { ReasonDialog, type ReasonRequest } from './ReasonDialog';
import { tieSizes } from '../../core/ranking';

/** " (gedeeld: plaats 2–3)" for a rank that several koppelkansen share, else "". */
function sharedPlaces(rank: number, ties: Map<number, number>): string {
  const n = ties.get(rank) ?? 1;
  return n > 1 ? ` (gedeeld: plaats ${rank}–${rank + n - 1})` : '';
}
import { OnderbouwingButton } from '../notes/OnderbouwingButton';

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
  },
  dropTarget: { border: `2px dashed ${tokens.colorBrandStroke1}` },
  flagged: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  handle: {
    cursor: 'grab',
    userSelect: 'none',
    paddingInline: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase400,
  },
  icon: { minWidth: '28px', paddingInline: tokens.spacingHorizontalXS },
  name: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold, minWidth: 0, overflowWrap: 'anywhere' },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  add: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  grow: { flexGrow: 1, minWidth: 0 },
});

let nextId = 0;
const newId = () => `n${++nextId}`;

/** Focuses an element once the dialog has gone (Fluent restores focus on its own when it unmounts). */
function focusAfterDialog(find: () => HTMLElement | null | undefined): void {
  const start = Date.now();
  const tick = () => {
    if (document.querySelector('[role="dialog"]') && Date.now() - start < 2000) requestAnimationFrame(tick);
    else setTimeout(() => find()?.focus(), 0);
  };
  requestAnimationFrame(tick);
}

export function PrioriteringView({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  const a = session.analysis;
  const prio = a?.prioritering ?? null;
  const entries = useMemo(() => prio?.entries ?? [], [prio]);
  const fromWorkbook = useMemo(() => itemsFromEntries(entries), [entries]);
  const [items, setItems] = useState<PrioItem[]>(fromWorkbook);
  const [base, setBase] = useState<PrioItem[]>(fromWorkbook);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const [adding, setAdding] = useState('');
  const [reason, setReason] = useState<ReasonRequest | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const focusAfter = useRef<{ id: string; control: string } | null>(null);
  const lastMove = useRef<{ id: string; control: string } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // the reason dialog gives focus back to the control that moved the entry
  const restoreFocus = useRestoreFocusTarget();

  const dirty = !sameItems(items, base);
  // follow the workbook while there are no unsaved changes in the pane (adjusting state
  // while rendering, as React's "You might not need an effect" describes: no stale closure)
  if (!sameItems(fromWorkbook, base)) {
    if (!dirty) setItems(fromWorkbook);
    setBase(fromWorkbook);
  }

  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    focusAfter.current = null;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-item="${f.id}"] [data-control="${f.control}"]`);
    (el ?? listRef.current?.querySelector<HTMLElement>(`[data-item="${f.id}"] [data-control="down"], [data-item="${f.id}"] [data-control="up"]`))?.focus();
  });

  const ranks = useMemo(() => autoRanks(a?.ranking ?? []), [a]);
  const ties = useMemo(() => tieSizes(a?.ranking ?? []), [a]);
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
  const inList = new Set(items.map((i) => i.koppelkans.trim().toLowerCase()));
  const candidates = [...new Set(a.werkblad.rows.map((r) => r.koppelkans).filter((k) => k && !inList.has(k.toLowerCase())))];

  const move = (from: number, to: number, control: string) => {
    if (to < 0 || to >= items.length || from === to) return;
    const next = moveItem(items, from, to);
    setItems(next);
    focusAfter.current = { id: items[from].id, control };
    lastMove.current = { id: items[from].id, control };
    const st = itemStatuses(next, ranks, ties)[to];
    if (st.needsReason) setReason({ id: items[from].id, koppelkans: items[from].koppelkans, place: st.place, autoRank: st.autoRank! });
  };

  const controlOf = (f: { id: string; control: string } | null) =>
    f ? listRef.current?.querySelector<HTMLElement>(`[data-item="${f.id}"] [data-control="${f.control}"]:not(:disabled)`) ?? listRef.current?.querySelector<HTMLElement>(`[data-item="${f.id}"] button:not(:disabled)`) : null;
  const closeReason = () => {
    setReason(null);
    const f = lastMove.current;
    focusAfterDialog(() => controlOf(f));
  };

  const update = (id: string, change: Partial<PrioItem>) => setItems((list) => list.map((it) => (it.id === id ? { ...it, ...change } : it)));

  const save = async (list: PrioItem[] = items, extra: PlanOp[] = []) => {
    const edit = prioriteringEdit(layout, entries, list);
    if (!edit.ok) {
      setMessage(edit.message);
      return false;
    }
    setMessage(null);
    const ok = await session.applyOps([...edit.ops, ...extra], 'Prioritering opslaan…');
    if (ok) setBase(list);
    return ok;
  };

  const onDragStart = (i: number) => (e: DragEvent) => {
    setDragFrom(i);
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', items[i].koppelkans);
    const li = (e.target as HTMLElement).closest('li');
    if (li) e.dataTransfer.setDragImage(li, 16, 16);
  };
  const onDragOver = (i: number) => (e: DragEvent) => {
    if (dragFrom === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (dropAt !== i) setDropAt(i);
  };
  const onDrop = (i: number) => (e: DragEvent) => {
    e.preventDefault();
    if (dragFrom !== null) move(dragFrom, i, 'handle');
    setDragFrom(null);
    setDropAt(null);
  };
  const onItemKey = (i: number) => (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const control = (e.target as HTMLElement).closest('[data-control]')?.getAttribute('data-control') ?? 'up';
    move(i, i + (e.key === 'ArrowUp' ? -1 : 1), control);
  };

  const missingReasons = statuses.filter((s) => s.needsReason).length;
  return (
    <div className={styles.stack}>
      <Text as="h2" size={500} weight="semibold">
        Prioritering van het team
      </Text>
      <Text size={200}>
        Zet de koppelkansen in jullie eigen volgorde: sleep een regel, of gebruik Omhoog/Omlaag (ook Alt+pijl omhoog/omlaag). Wijkt
        een plaats af van de automatische rang, schrijf dan bij “Omdat…” waarom.
      </Text>
      {items.length === 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            De prioritering is nog leeg. Begin met de automatische volgorde (de top 15) of voeg hieronder koppelkansen toe.{' '}
            <Button size="small" disabled={!!session.busy || a.top.length === 0} onClick={() => void session.prepare({ propose: true })}>
              Automatische volgorde overnemen
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list} ref={listRef} aria-label="Prioritering, in volgorde">
        {items.map((it, i) => {
          const st = statuses[i];
          return (
            <li
              key={it.id}
              data-item={it.id}
              data-testid="prio-item"
              className={mergeClasses(styles.item, st.needsReason && styles.flagged, dropAt === i && dragFrom !== i && styles.dropTarget)}
              onDragOver={onDragOver(i)}
              onDragLeave={() => setDropAt((d) => (d === i ? null : d))}
              onDrop={onDrop(i)}
              onKeyDown={onItemKey(i)}
            >
              <div className={styles.line}>
                <span
                  className={styles.handle}
                  draggable
                  onDragStart={onDragStart(i)}
                  onDragEnd={() => {
                    setDragFrom(null);
                    setDropAt(null);
                  }}
                  title="Sleep om te verplaatsen"
                  aria-hidden="true"
                  data-control="handle"
                >
                  ⠿
                </span>
                <Text className={styles.name} data-testid="prio-name">
                  {st.place}. {it.koppelkans}
                </Text>
                <Button {...restoreFocus} className={styles.icon} size="small" data-control="up" aria-label={`${it.koppelkans} omhoog`} aria-keyshortcuts="Alt+ArrowUp" disabled={i === 0} onClick={() => move(i, i - 1, 'up')}>
                  ↑
                </Button>
                <Button
                  {...restoreFocus}
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
                <Button className={styles.icon} size="small" appearance="subtle" aria-label={`${it.koppelkans} verwijderen`} onClick={() => setItems((l) => l.filter((x) => x.id !== it.id))}>
                  ✕
                </Button>
              </div>
              <div className={styles.meta}>
                <Text size={200}>{st.autoRank === null ? 'geen automatische rang' : `automatisch: ${st.autoRank}${sharedPlaces(st.autoRank, ties)}`}</Text>
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
              <Field label="Omdat…" size="small" validationState={st.needsReason ? 'warning' : 'none'} validationMessage={st.needsReason ? `Waarom op plaats ${st.place} en niet op ${st.autoRank}?` : undefined}>
                <Textarea data-control="omdat" size="small" rows={2} value={it.omdat} resize="vertical" onChange={(_, d) => update(it.id, { omdat: d.value })} />
              </Field>
              <Field label="Verantwoordelijke" size="small">
                <Input data-control="verantwoordelijke" size="small" value={it.verantwoordelijke} onChange={(_, d) => update(it.id, { verantwoordelijke: d.value })} />
              </Field>
            </li>
          );
        })}
      </ul>
      <div className={styles.add}>
        <Field label="Koppelkans toevoegen" className={styles.grow}>
          <Combobox
            placeholder={candidates.length ? 'Kies een koppelkans van het werkblad' : 'Alle koppelkansen staan al in de lijst'}
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
            setItems((l) => [...l, { id: newId(), koppelkans: adding.trim(), omdat: '', verantwoordelijke: '' }]);
            setAdding('');
          }}
        >
          Toevoegen
        </Button>
      </div>
      {missingReasons > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {missingReasons === 1 ? '1 koppelkans wijkt' : `${missingReasons} koppelkansen wijken`} af van de automatische rang zonder reden.
          </MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent="error">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={!dirty || !!session.busy} onClick={() => void save()}>
          Opslaan
        </Button>
        <Button disabled={!dirty} onClick={() => setItems(base)}>
          Wijzigingen ongedaan maken
        </Button>
        {dirty && <Text size={200}>Niet opgeslagen wijzigingen</Text>}
      </div>
      <OnderbouwingButton session={session} />
      <ReasonDialog
        request={reason}
        session={session}
        onCancel={closeReason}
        onConfirm={async (text, author) => {
          if (!reason) return;
          const list = items.map((it) => (it.id === reason.id ? { ...it, omdat: text } : it));
          const index = list.findIndex((it) => it.id === reason.id);
          setItems(list);
          closeReason();
          // the reason also becomes a note (redenering, Stap 4) when there is a Notulen sheet
          let extra: PlanOp[] = [];
          if (session.notes.sheet && index >= 0) {
            const res = reasonWithNote(
              { sheet: layout.sheet, row: layout.firstRow + index, omdatColumn: layout.columns.omdat, koppelkans: reason.koppelkans },
              text,
              author,
              new Date(),
            );
            if (res.ok) extra = res.ops;
            else setMessage(res.message);
          }
          await save(list, extra);
        }}
      />
    </div>
  );
}
