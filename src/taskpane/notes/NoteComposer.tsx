/**
 * The composer: a note in a few keystrokes. Alt+1…5 picks the kind, Ctrl+Enter saves,
 * the context (step, koppelkans, factor) is shown and, in the full panel, editable.
 * The notulist's name is asked once. Writes through `session.applyOps` only. A note typed
 * but not yet saved is kept on this computer (../useStoredDraft, one draft per composer:
 * `draftName`) and comes back, marked "Nog niet opgeslagen", after a reload or a closed pane.
 */
import { Button, Combobox, Dropdown, Field, Input, Link, makeStyles, Option, Radio, RadioGroup, Text, Textarea, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { draftKey, hasStrings, isRecord } from '../logic/drafts';
import { useStoredDraft } from '../useStoredDraft';
import { addNote, NOTE_KINDS, type NoteKind } from '../../core/notes';
import type { WorkbookSession } from '../session';
import {
  EMPTY_FIELDS,
  factorChoices,
  hasOwner,
  isSaveShortcut,
  KIND_LABELS,
  kindForShortcut,
  koppelkansChoices,
  noteInput,
  STEP_CHOICES,
  type ComposerFields,
  type NoteContext,
} from './notesLogic';
import { useAuthor } from './useAuthor';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  kinds: { display: 'flex', flexWrap: 'wrap', columnGap: 0 },
  context: { display: 'grid', gridTemplateColumns: '1fr', gap: tokens.spacingVerticalXS },
  contextLine: { color: tokens.colorNeutralForeground2 },
  owner: { display: 'grid', gridTemplateColumns: '1fr 9.5em', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3 },
  combo: { minWidth: '0' },
});

export interface NoteComposerProps {
  session: WorkbookSession;
  context: NoteContext;
  /** When given, the context is shown as editable fields (the full panel). */
  onContextChange?: (c: NoteContext) => void;
  /** Label of the text field. */
  label?: string;
  /** Which composer's draft this is ("notitie.nieuw" by default; a koppelkans's composer has its own). */
  draftName?: string;
}

const NONE = '(geen)';

const isComposerDraft = (v: unknown): v is ComposerFields =>
  isRecord(v) && hasStrings(v, ['kind', 'text', 'verantwoordelijke', 'date']) && (NOTE_KINDS as readonly unknown[]).includes(v.kind);

/** Worth keeping: something typed besides the kind. */
const hasContent = (f: ComposerFields) => f.text.trim() !== '' || f.verantwoordelijke.trim() !== '' || f.date !== '';

/** The storage key of a composer's draft (`name` as given to `draftName`). */
const composerDraftKey = (name = 'notitie.nieuw'): string => draftKey(name);

export function NoteComposer({ session, context, onContextChange, label = 'Notitie', draftName }: NoteComposerProps) {
  const styles = useStyles();
  const { stored, author, setAuthor, remember } = useAuthor(session);
  // what is typed and not yet saved (null: nothing); kept on this computer as it is typed
  const { draft, setDraft, restored } = useStoredDraft(session.host.storage, composerDraftKey(draftName), isComposerDraft);
  // the kind stays when the fields are emptied: a notulist often writes several of one kind in a row
  const [kind, setKind] = useState<NoteKind>('discussie');
  const fields: ComposerFields = draft ?? { ...EMPTY_FIELDS, kind };
  const [message, setMessage] = useState<{ intent: 'error' | 'success'; text: string } | null>(null);
  const [editingAuthor, setEditingAuthor] = useState(false);
  const saving = useRef(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const authorRef = useRef<HTMLInputElement>(null);
  const ownerRef = useRef<HTMLInputElement>(null);
  const noSheet = session.notes.sheet === null;
  const askAuthor = !stored || editingAuthor;

  const set = (patch: Partial<ComposerFields>) => {
    if (patch.kind) setKind(patch.kind);
    setDraft((d) => {
      const next = { ...(d ?? { ...EMPTY_FIELDS, kind }), ...patch };
      return hasContent(next) ? next : null;
    });
    setMessage(null);
  };

  const save = async () => {
    if (saving.current || noSheet) return;
    const name = (askAuthor ? author : stored).trim();
    if (!name) {
      setMessage({ intent: 'error', text: 'Vul eerst je naam in; die komt bij elke notitie.' });
      authorRef.current?.focus();
      return;
    }
    const res = addNote(noteInput(fields, context, name), new Date(), undefined, session.notes.sheet ?? undefined);
    if (!res.ok) {
      setMessage({ intent: 'error', text: res.message });
      if (fields.kind === 'actie' && !fields.verantwoordelijke.trim()) ownerRef.current?.focus();
      else textRef.current?.focus();
      return;
    }
    saving.current = true;
    try {
      remember(name);
      setEditingAuthor(false);
      const ok = await session.applyOps(res.ops, 'Notitie opslaan…');
      if (ok) {
        // the kind stays: a notulist often writes several of one kind in a row
        setKind(fields.kind);
        setDraft(null);
        setMessage({ intent: 'success', text: `Opgeslagen in ${session.notes.sheet ?? 'Notulen'}.` });
        textRef.current?.focus();
      }
      // on failure the text stays in the field; the pane shows what went wrong
    } finally {
      saving.current = false;
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const kind = kindForShortcut(e);
    if (kind) {
      e.preventDefault();
      set({ kind });
      return;
    }
    if (isSaveShortcut(e)) {
      e.preventDefault();
      void save();
    }
  };

  // the koppelkans list (5,000 names at 5,000 rows) and its options are made again only when a name changed, not on every
  // typed score: koppelkansChoices gives the same array then
  const koppelkansen = koppelkansChoices(session.analysis, session.notes.notes);
  const koppelkansOptions = useMemo(
    () =>
      koppelkansen.map((k) => (
        <Option key={k} value={k}>
          {k}
        </Option>
      )),
    [koppelkansen],
  );
  const factors = factorChoices(session.analysis);
  const owner = hasOwner(fields.kind);
  const contextText = [context.step, context.koppelkans, context.factor].filter(Boolean).join(' · ');

  return (
    <div className={styles.form} onKeyDown={onKeyDown} role="group" aria-label="Nieuwe notitie">
      {askAuthor ? (
        <Field label="Je naam (notulist)" required hint="Wordt op deze computer onthouden, niet in de werkmap.">
          <Input
            ref={authorRef}
            value={author}
            onChange={(_, d) => setAuthor(d.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.ctrlKey && author.trim()) {
                e.preventDefault();
                remember();
                setEditingAuthor(false);
                textRef.current?.focus();
              }
            }}
            onBlur={() => {
              if (author.trim() && stored) setEditingAuthor(false);
            }}
          />
        </Field>
      ) : (
        <Text size={200} className={styles.contextLine}>
          Notulist: {stored}{' '}
          <Link as="button" onClick={() => setEditingAuthor(true)}>
            wijzigen
          </Link>
        </Text>
      )}

      <RadioGroup
        layout="horizontal"
        className={styles.kinds}
        aria-label="Soort notitie (Alt+1 tot Alt+5)"
        value={fields.kind}
        onChange={(_, d) => set({ kind: d.value as NoteKind })}
      >
        {NOTE_KINDS.map((k, i) => (
          <Radio key={k} value={k} label={KIND_LABELS[k]} title={`${KIND_LABELS[k]} (Alt+${i + 1})`} />
        ))}
      </RadioGroup>

      {onContextChange ? (
        <div className={styles.context}>
          <Field label="Stap" size="small">
            <Dropdown
              size="small"
              value={context.step}
              selectedOptions={[context.step]}
              onOptionSelect={(_, d) => d.optionValue && onContextChange({ ...context, step: d.optionValue })}
            >
              {STEP_CHOICES.map((s) => (
                <Option key={s} value={s}>
                  {s}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="Koppelkans" size="small">
            <Combobox
              size="small"
              className={styles.combo}
              freeform
              placeholder="(algemeen, geen koppelkans)"
              value={context.koppelkans}
              selectedOptions={context.koppelkans ? [context.koppelkans] : []}
              onChange={(e) => onContextChange({ ...context, koppelkans: e.target.value })}
              onOptionSelect={(_, d) => onContextChange({ ...context, koppelkans: d.optionValue === NONE ? '' : (d.optionValue ?? '') })}
            >
              <Option value={NONE}>{NONE}</Option>
              {koppelkansOptions}
            </Combobox>
          </Field>
          <Field label="Succesfactor" size="small">
            <Dropdown
              size="small"
              value={context.factor || NONE}
              selectedOptions={[context.factor || NONE]}
              onOptionSelect={(_, d) => onContextChange({ ...context, factor: d.optionValue === NONE ? '' : (d.optionValue ?? '') })}
            >
              <Option value={NONE}>{NONE}</Option>
              {factors.map((f) => (
                <Option key={f} value={f}>
                  {f}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
      ) : (
        <Text size={200} className={styles.contextLine}>
          Bij: {contextText}
        </Text>
      )}

      <Field label={label} validationState={message?.intent === 'error' ? 'error' : message ? 'success' : 'none'} validationMessage={message?.text}>
        <Textarea
          ref={textRef}
          value={fields.text}
          onChange={(_, d) => set({ text: d.value })}
          resize="vertical"
          rows={3}
          disabled={noSheet}
          placeholder={noSheet ? 'Er is nog geen werkblad Notulen.' : 'Wat werd er gezegd, besloten of afgesproken?'}
        />
      </Field>

      {owner && (
        <div className={styles.owner}>
          <Field label="Verantwoordelijke" size="small" required={fields.kind === 'actie'}>
            <Input size="small" ref={ownerRef} value={fields.verantwoordelijke} onChange={(_, d) => set({ verantwoordelijke: d.value })} />
          </Field>
          <Field label="Datum (optioneel)" size="small">
            <Input size="small" type="date" value={fields.date} onChange={(_, d) => set({ date: d.value })} />
          </Field>
        </div>
      )}

      <div className={styles.row}>
        <Button appearance="primary" size="small" disabled={noSheet || !!session.busy || !fields.text.trim()} onClick={() => void save()}>
          Notitie opslaan
        </Button>
        {draft ? (
          <>
            <Button appearance="subtle" size="small" onClick={() => setDraft(null)}>
              Weggooien
            </Button>
            <Text size={200} className={styles.hint} role="status">
              {restored ? 'Nog niet opgeslagen (bewaard op deze computer)' : 'Nog niet opgeslagen'}
            </Text>
          </>
        ) : (
          <Text size={200} className={styles.hint}>
            Ctrl+Enter slaat op · Alt+1–5 kiest de soort
          </Text>
        )}
      </div>
    </div>
  );
}
