/**
 * One note in a list, editable in place: "Bewerken" opens the fields, Ctrl+Enter saves,
 * Escape cancels. The change goes through `editNote` (the row found by id at apply time),
 * guarded by the note as it was when editing started. What the notulist typed is never
 * lost: when a colleague changes the note meanwhile the editor says so (saving asks which
 * version to keep); when a colleague removes it, the list keeps this editor (`gone`), which
 * says so and offers to save the text as a new note or copy it. The editor's fields are
 * kept on this computer as they are typed (notesLogic's keepNoteDraft), so after a reload
 * or a closed pane the editor opens again with them, marked "Nog niet opgeslagen".
 */
import {
  Badge,
  Button,
  Checkbox,
  Dropdown,
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
import { useRef, useState, type KeyboardEvent } from 'react';
import { addNote, deleteNote, editNote, NOTE_KINDS, noteKindLabel, type Note } from '../../core/notes';
import { ConfirmDialog } from '../ConfirmDialog';
import type { WorkbookSession } from '../session';
import {
  changedByOthers,
  draftAsNewNote,
  draftChanges,
  draftOf,
  hasOwner,
  isSaveShortcut,
  keepNoteDraft,
  noteByline,
  noteMeta,
  ownerLine,
  readNoteDrafts,
  STEP_CHOICES,
  type NoteDraft,
} from './notesLogic';
import { useAuthor } from './useAuthor';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  actie: { borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}` },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  byline: { color: tokens.colorNeutralForeground3 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  fields: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  wide: { gridColumn: '1 / -1' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  tools: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  excluded: { opacity: 0.75 },
});

type Draft = NoteDraft;

/**
 * `note`: the note as the workbook holds it now (or, when `gone`, as it was when editing
 * started); `onEditing(id, base)` tells the list that editing started (base: the note then)
 * or ended (null), so the list keeps this editor while the note is gone or filtered out.
 */
export function NoteItem({
  session,
  note,
  gone = false,
  onEdited,
  onEditing,
}: {
  session: WorkbookSession;
  note: Note;
  gone?: boolean;
  onEdited?: (id: string) => void;
  onEditing?: (id: string, base: Note | null) => void;
}) {
  const styles = useStyles();
  const storage = session.host.storage;
  // an edit of this note typed before a reload or a closed pane, not yet saved
  const [kept] = useState(() => (note.id ? (readNoteDrafts(storage).get(note.id) ?? null) : null));
  const [restored, setRestored] = useState(kept !== null);
  const [draft, setDraftState] = useState<Draft | null>(kept?.draft ?? null);
  // the note as it was when editing started: what the guarded write expects to find
  const [base, setBase] = useState<Note | null>(kept?.base ?? null);
  /** Sets the draft and keeps it on this computer (with the base it was started from); null forgets it. */
  const setDraft = (next: Draft | null, from: Note | null = base) => {
    setDraftState(next);
    if (note.id) keepNoteDraft(storage, note.id, next && from ? { draft: next, base: from } : null);
    if (!next) setRestored(false);
  };
  const [copied, setCopied] = useState<string | null>(null);
  const { stored: author } = useAuthor(session);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Fluent gives focus back to the control that opened a dialog only when it is marked so
  const restoreFocus = useRestoreFocusTarget();
  const editButton = useRef<HTMLButtonElement>(null);
  const inOnderbouwing = note.inOnderbouwing !== false;
  const setInOnderbouwing = async (value: boolean) => {
    const res = editNote(note, { inOnderbouwing: value }, session.notes.sheet ?? undefined);
    if (!res.ok) return setMessage(res.message);
    setMessage(null);
    await session.applyOps(res.ops, value ? 'Notitie in de onderbouwing opnemen…' : 'Notitie uit de onderbouwing laten…');
  };
  const remove = async () => {
    setConfirmDelete(false);
    const res = deleteNote(note, session.notes.sheet ?? undefined);
    if (!res.ok) return setMessage(res.message);
    await session.applyOps(res.ops, 'Notitie verwijderen…');
  };
  const label = `notitie van ${note.author || 'onbekend'} (${note.time})`;

  const close = () => {
    setDraft(null);
    setBase(null);
    setMessage(null);
    setCopied(null);
    onEditing?.(note.id, null);
    setTimeout(() => editButton.current?.focus(), 0);
  };
  const startEditing = () => {
    setDraft(draftOf(note), note);
    setBase(note);
    setMessage(null);
    onEditing?.(note.id, note);
  };

  const save = async () => {
    if (!draft || gone) return;
    const from = base ?? note;
    const changes = draftChanges(from, draft);
    if (Object.keys(changes).length === 0) return close();
    const res = editNote(from, changes, session.notes.sheet ?? undefined);
    if (!res.ok) return setMessage(res.message);
    if (await session.applyOps(res.ops, 'Notitie bijwerken…')) {
      onEdited?.(note.id);
      close();
    }
    // otherwise the draft stays: a removed row shows as `gone`, a colleague's change as a conflict to choose
  };
  const saveAsNew = async () => {
    if (!draft) return;
    const res = addNote(draftAsNewNote(base ?? note, draft, author), new Date(), undefined, session.notes.sheet ?? undefined);
    if (!res.ok) return setMessage(res.message);
    if (await session.applyOps(res.ops, 'Notitie opnieuw opslaan…')) close();
  };
  const copy = async () => {
    if (!draft) return;
    try {
      await navigator.clipboard.writeText(draft.text);
      setCopied('De tekst staat op het klembord.');
    } catch {
      setCopied('Kopiëren lukte niet: selecteer de tekst hieronder en kopieer hem met Ctrl+C.');
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (isSaveShortcut(e)) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape' && !gone) {
      // a gone note's text is only thrown away on purpose ("Weggooien")
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  if (draft) {
    const set = (patch: Partial<Draft>) => {
      setDraft({ ...draft, ...patch });
      setMessage(null);
    };
    const kinds: string[] = (NOTE_KINDS as readonly string[]).includes(draft.kind) ? [...NOTE_KINDS] : [draft.kind, ...NOTE_KINDS];
    const theirs = !gone && base ? changedByOthers(base, note) : [];
    return (
      <li className={styles.item} onKeyDown={onKeyDown} aria-label={`Notitie bewerken: ${label}`}>
        {gone && (
          <MessageBar intent="warning" layout="multiline" role="alert">
            <MessageBarBody>
              Deze notitie is intussen door iemand anders uit de {session.notes.sheet ?? 'Notulen'} verwijderd. Je tekst staat hieronder nog: sla hem op als
              nieuwe notitie, kopieer hem, of gooi hem weg.
            </MessageBarBody>
          </MessageBar>
        )}
        {theirs.length > 0 && (
          <MessageBar intent="warning" layout="multiline" role="alert">
            <MessageBarBody>
              Een collega heeft deze notitie intussen aangepast{theirs.includes('text') ? `: “${note.text}”` : ''}. Je eigen tekst staat hieronder; bij opslaan
              vraagt de invoegtoepassing welke versie je houdt.
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.fields}>
          <Field label="Soort" size="small">
            <Dropdown
              size="small"
              value={noteKindLabel(draft.kind)}
              selectedOptions={[draft.kind]}
              onOptionSelect={(_, d) => d.optionValue && set({ kind: d.optionValue })}
            >
              {kinds.map((k) => (
                <Option key={k} value={k}>
                  {noteKindLabel(k)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="Stap" size="small">
            <Dropdown size="small" value={draft.step} selectedOptions={[draft.step]} onOptionSelect={(_, d) => d.optionValue && set({ step: d.optionValue })}>
              {(STEP_CHOICES.includes(draft.step) || !draft.step ? STEP_CHOICES : [draft.step, ...STEP_CHOICES]).map((s) => (
                <Option key={s} value={s}>
                  {s}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="Koppelkans" size="small" className={styles.wide}>
            <Input size="small" value={draft.koppelkans} onChange={(_, d) => set({ koppelkans: d.value })} />
          </Field>
          <Field label="Succesfactor" size="small" className={styles.wide}>
            <Input size="small" value={draft.factor} onChange={(_, d) => set({ factor: d.value })} />
          </Field>
          <Field label="Tekst" className={styles.wide} validationState={message ? 'error' : 'none'} validationMessage={message ?? undefined}>
            {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the notulist opened this editor to type: the cursor goes where the typing starts */}
            <Textarea autoFocus value={draft.text} onChange={(_, d) => set({ text: d.value })} resize="vertical" rows={4} />
          </Field>
          {hasOwner(draft.kind) && (
            <>
              <Field label="Verantwoordelijke" size="small" required={draft.kind === 'actie'}>
                <Input size="small" value={draft.verantwoordelijke} onChange={(_, d) => set({ verantwoordelijke: d.value })} />
              </Field>
              <Field label="Datum" size="small">
                <Input size="small" type="date" value={draft.date} onChange={(_, d) => set({ date: d.value })} />
              </Field>
            </>
          )}
        </div>
        {gone ? (
          <div className={styles.tools}>
            <Button size="small" appearance="primary" disabled={!!session.busy || session.notes.sheet === null} onClick={() => void saveAsNew()}>
              Opslaan als nieuwe notitie
            </Button>
            <Button size="small" onClick={() => void copy()}>
              Tekst kopiëren
            </Button>
            <Button size="small" onClick={close}>
              Weggooien
            </Button>
          </div>
        ) : (
          <div className={styles.buttons}>
            <Button size="small" appearance="primary" disabled={!!session.busy} onClick={() => void save()}>
              Opslaan
            </Button>
            <Button size="small" onClick={close}>
              Annuleren
            </Button>
            {base && Object.keys(draftChanges(base, draft)).length > 0 && (
              <Text size={200} className={styles.byline}>
                {restored ? 'Nog niet opgeslagen (bewaard op deze computer)' : 'Nog niet opgeslagen'}
              </Text>
            )}
          </div>
        )}
        {copied && (
          <Text size={200} role="status">
            {copied}
          </Text>
        )}
      </li>
    );
  }

  const owner = ownerLine(note);
  return (
    <li className={mergeClasses(styles.item, note.kind === 'actie' && styles.actie, !inOnderbouwing && styles.excluded)}>
      <div className={styles.head}>
        <Text size={200} className={styles.meta}>
          {noteMeta(note)}
        </Text>
        {note.id ? (
          <Button ref={editButton} size="small" appearance="subtle" aria-label={`Bewerken: ${label}`} onClick={startEditing}>
            Bewerken
          </Button>
        ) : (
          <Text
            size={100}
            className={styles.byline}
            title={`Zonder add-in getypt (geen id): pas deze notitie aan in Excel, ${session.notes.sheet ?? 'Notulen'} rij ${note.row}.`}
          >
            rij {note.row}
          </Text>
        )}
      </div>
      <Text className={styles.text}>{note.text}</Text>
      {owner && <Text size={200}>{owner}</Text>}
      <Text size={100} className={styles.byline}>
        {noteByline(note)}
      </Text>
      {!inOnderbouwing && (
        <Badge appearance="outline" color="informative">
          niet in de onderbouwing
        </Badge>
      )}
      {note.id && (
        <div className={styles.tools}>
          <Checkbox
            label="In de onderbouwing"
            checked={inOnderbouwing}
            disabled={!!session.busy}
            aria-label={`In de onderbouwing: ${label}`}
            onChange={(_, d) => void setInOnderbouwing(d.checked === true)}
          />
          <Button
            size="small"
            appearance="subtle"
            {...restoreFocus}
            aria-label={`Verwijderen: ${label}`}
            disabled={!!session.busy}
            onClick={() => setConfirmDelete(true)}
          >
            Verwijderen
          </Button>
          <ConfirmDialog
            open={confirmDelete}
            title="Deze notitie verwijderen?"
            confirmLabel="Verwijderen"
            onCancel={() => setConfirmDelete(false)}
            onConfirm={() => void remove()}
          >
            <Text>
              “{note.text.length > 120 ? `${note.text.slice(0, 120)}…` : note.text}” verdwijnt uit de Notulen (de rij blijft leeg staan). Heeft een collega hem
              net aangepast, dan wordt er niets verwijderd en vraagt de invoegtoepassing wat je wilt.
            </Text>
          </ConfirmDialog>
        </div>
      )}
      {message && (
        <Text size={200} role="alert">
          {message}
        </Text>
      )}
    </li>
  );
}
