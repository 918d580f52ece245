/**
 * All notes, newest first, filtered by step, kind, koppelkans or text; each editable in
 * place. Shows the first 30 and more on request (a long meeting has many notes).
 */
import { Button, Dropdown, Field, makeStyles, MessageBar, MessageBarBody, Option, SearchBox, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { filterNotes, NOTE_KINDS, newestFirst, type Note, type NoteFilter } from '../../core/notes';
import type { WorkbookSession } from '../session';
import { KIND_LABELS, koppelkansChoices, readNoteDrafts, STEP_CHOICES, withEditedNotes } from './notesLogic';
import { NoteItem } from './NoteItem';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  filters: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  wide: { gridColumn: '1 / -1' },
  dropdown: { minWidth: '0' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  count: { color: tokens.colorNeutralForeground2 },
});

const ALL = '';
const PAGE = 30;

/** The edited note vanished after saving: someone removed its row meanwhile. */
function useLostNoteCheck(notes: Note[]): { lost: boolean; watch: (id: string) => void; dismiss: () => void } {
  const [watched, setWatched] = useState<string | null>(null);
  const [lost, setLost] = useState(false);
  useEffect(() => {
    if (!watched) return;
    setLost(!notes.some((n) => n.id === watched));
    setWatched(null);
  }, [notes, watched]);
  return { lost, watch: setWatched, dismiss: () => setLost(false) };
}

export function NotesList({
  session,
  notes: given,
  showFilters = true,
  emptyText = 'Nog geen notities.',
}: {
  session: WorkbookSession;
  notes?: Note[];
  showFilters?: boolean;
  emptyText?: string;
}) {
  const styles = useStyles();
  const all = given ?? session.notes.notes;
  const [filter, setFilter] = useState<NoteFilter>({});
  const [shown, setShown] = useState(PAGE);
  const { lost, watch, dismiss } = useLostNoteCheck(session.notes.notes);
  const list = useMemo(() => newestFirst(filterNotes(all, filter)), [all, filter]);
  // notes being edited (id → the note when editing started): their editors stay even when a colleague removes the row;
  // edits kept on this computer from before a reload count too, so one whose note was removed meanwhile still shows (and says so)
  const [editing, setEditing] = useState<ReadonlyMap<string, Note>>(
    () => new Map([...readNoteDrafts(session.host.storage)].map(([id, kept]) => [id, kept.base] as const)),
  );
  const onEditing = useCallback(
    (id: string, base: Note | null) =>
      setEditing((m) => {
        const next = new Map(m);
        if (base) next.set(id, base);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const koppelkansen = useMemo(() => koppelkansChoices(null, all), [all]);
  const set = (patch: NoteFilter) => {
    setFilter((f) => ({ ...f, ...patch }));
    setShown(PAGE);
  };
  const filtered = !!(filter.step || filter.kind || filter.koppelkans || filter.text?.trim());

  return (
    <div className={styles.stack}>
      {showFilters && (
        <div className={styles.filters} role="search" aria-label="Notities filteren">
          <Field label="Stap" size="small">
            <Dropdown
              size="small"
              className={styles.dropdown}
              value={filter.step || 'Alle stappen'}
              selectedOptions={[filter.step ?? ALL]}
              onOptionSelect={(_, d) => set({ step: d.optionValue || undefined })}
            >
              <Option value={ALL}>Alle stappen</Option>
              {STEP_CHOICES.map((s) => (
                <Option key={s} value={s}>
                  {s}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="Soort" size="small">
            <Dropdown
              size="small"
              className={styles.dropdown}
              value={filter.kind ? (KIND_LABELS[filter.kind as keyof typeof KIND_LABELS] ?? filter.kind) : 'Alle soorten'}
              selectedOptions={[filter.kind ?? ALL]}
              onOptionSelect={(_, d) => set({ kind: d.optionValue || undefined })}
            >
              <Option value={ALL}>Alle soorten</Option>
              {NOTE_KINDS.map((k) => (
                <Option key={k} value={k}>
                  {KIND_LABELS[k]}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="Koppelkans" size="small" className={styles.wide}>
            <Dropdown
              size="small"
              className={styles.dropdown}
              value={filter.koppelkans || 'Alle koppelkansen'}
              selectedOptions={[filter.koppelkans ?? ALL]}
              onOptionSelect={(_, d) => set({ koppelkans: d.optionValue || undefined })}
            >
              <Option value={ALL}>Alle koppelkansen</Option>
              {koppelkansen.map((k) => (
                <Option key={k} value={k}>
                  {k}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="Zoeken in de tekst" size="small" className={styles.wide}>
            <SearchBox size="small" value={filter.text ?? ''} onChange={(_, d) => set({ text: d.value })} />
          </Field>
        </div>
      )}
      <Text size={200} className={styles.count} aria-live="polite">
        {filtered ? `${list.length} van ${all.length} notities` : `${all.length} ${all.length === 1 ? 'notitie' : 'notities'}`}, nieuwste eerst
      </Text>
      {lost && (
        <MessageBar intent="warning">
          <MessageBarBody>
            De notitie is niet meer gevonden in de werkmap (is de rij verwijderd?); er is niets overschreven.{' '}
            <Button size="small" appearance="transparent" onClick={dismiss}>
              Sluiten
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {list.length === 0 && editing.size === 0 ? (
        <Text>{filtered ? 'Geen notities met dit filter.' : emptyText}</Text>
      ) : (
        <ul className={styles.list}>
          {withEditedNotes(list.slice(0, shown), session.notes.notes, editing).map(({ note: n, gone }) => (
            <NoteItem key={n.id || `row-${n.row}`} session={session} note={n} gone={gone} onEdited={watch} onEditing={onEditing} />
          ))}
        </ul>
      )}
      {list.length > shown && (
        <Button size="small" onClick={() => setShown((s) => s + PAGE)}>
          Meer tonen ({list.length - shown})
        </Button>
      )}
    </div>
  );
}
