/**
 * Stap 2, tabel C: per selected opgave its koppelkansen with toelichting, a search box,
 * selecting onto the werkblad, the "minder concreet" mark with who makes it concrete,
 * and an own koppelkans.
 */
import { TwoVersions } from '../TwoVersions';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, SearchBox, Select, Text, Textarea, tokens, makeStyles } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { deselectKoppelkansRowsEdit, stap2Context, validateName, type Loss, type Stap2Koppelkans, type Stap2Model } from '../../core/stap2';
import type { WorkbookSession } from '../session';
import type { ConfirmRequest } from './ConfirmDialog';
import { usePickerStyles } from './OpgavenPicker';
import {
  addOwnKoppelkans,
  deselectKoppelkans,
  deselectKoppelkansQuestion,
  PICK_READ,
  selectKoppelkans,
  setMinderConcreet,
  snapshotWithComments,
} from './stap2Actions';
import { draftKey, hasStrings, isRecord } from '../logic/drafts';
import { unsavedText, useStoredDraft } from '../useStoredDraft';
import { byData, keepFocus } from '../keepFocus';

/** Storage key of the own koppelkans being typed. */
const OWN_KOPPELKANS_DRAFT = draftKey('eigenKoppelkans');

interface OwnKoppelkans {
  opgave: string;
  koppelkans: string;
  toelichting: string;
}
const isOwnKoppelkans = (v: unknown): v is OwnKoppelkans => isRecord(v) && hasStrings(v, ['opgave', 'koppelkans', 'toelichting']);

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  concreet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingInlineStart: '32px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '8em' },
});

/** Matches a search text against name and toelichting, without case and accents. */
function matchesSearch(k: { koppelkans: string; toelichting: string }, query: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  const hay = fold(`${k.koppelkans} ${k.toelichting}`);
  return words.every((w) => hay.includes(w));
}

/** How long typing may pause before the verantwoordelijke is written (ms), as in Prioritering; leaving the field writes at once. */
const TYPING_PAUSE_MS = 700;

/**
 * The "minder concreet" mark with who makes the koppelkans concrete. The name is written as
 * it is typed (after a short pause, or on leaving the field), only when it changed, and
 * guarded by the name the pane showed when typing started: when a colleague changed that
 * cell (or unmarked the koppelkans) meanwhile, nothing is overwritten and both versions
 * are shown with the choice. The typed name stays in the field across re-reads.
 */
function MinderConcreet({ session, k, onError }: { session: WorkbookSession; k: Stap2Koppelkans; onError: (m: string | null) => void }) {
  const styles = useStyles();
  const marked = !!k.minderConcreet;
  const stored = k.minderConcreet?.verantwoordelijke ?? '';
  // null: not typing, the field shows the workbook's name; `base`: the name (and mark) typing started from
  const [edit, setEditState] = useState<{ text: string; base: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const editRef = useRef(edit);
  const setEdit = (next: { text: string; base: string } | null) => {
    editRef.current = next;
    setEditState(next);
  };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef(false);
  const again = useRef(false);
  const latest = useRef({ session, k, marked, stored });
  latest.current = { session, k, marked, stored };
  // a colleague changed the name (or took the mark off) while it was being typed: show both, ask
  const theirs = edit !== null && (!marked || stored.trim() !== edit.base.trim()) ? { marked, name: stored } : null;
  const value = edit?.text ?? stored;

  const stopTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  /**
   * Writes the typed name guarded by `base` (the name typing started from); `force`: the user
   * chose their version over a colleague's, guarded only against a change after this read.
   */
  const saveName = async (base: string | undefined = editRef.current?.base, force = false) => {
    stopTimer();
    const e = editRef.current;
    const { session: s, k: kk, marked: markedNow, stored: storedNow } = latest.current;
    if (!e || base === undefined) return;
    if (saving.current) {
      again.current = true; // typed on while the last version was written: write again after it
      return;
    }
    if (!force && (!markedNow || storedNow.trim() !== e.base.trim())) return; // waiting for the user's choice
    const typed = e.text;
    if (typed.trim() === base.trim() && base.trim() === storedNow.trim() && markedNow) return;
    saving.current = true;
    const write = () =>
      s.applyEdit(
        setMinderConcreet(
          kk.opgave,
          kk.koppelkans,
          { marked: true, verantwoordelijke: typed },
          force ? 'overwrite' : { marked: true, verantwoordelijke: base },
        ),
        'Verantwoordelijke opslaan…',
      );
    // "Mijn versie opslaan" (force) goes with the two versions once written: the keyboard focus goes back to the field
    const res = force ? await keepFocus(write, () => nameField.current) : await write();
    saving.current = false;
    const now = editRef.current;
    if (res.ok) {
      setMessage(null);
      // typing on while it was written: keep the draft, now based on what was written
      if (now) setEdit({ text: now.text, base: typed.trim() });
    } else {
      // the typed name stays; after the re-read the colleague's version shows beside it
      setMessage(res.message);
      if (now) setEdit({ text: now.text, base });
    }
    if (again.current) {
      again.current = false;
      if (res.ok) void saveName();
    }
  };

  const markBox = useRef<HTMLInputElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const toggle = async (checked: boolean) => {
    stopTimer();
    const res = await keepFocus(
      () =>
        session.applyEdit(
          setMinderConcreet(
            k.opgave,
            k.koppelkans,
            { marked: checked, verantwoordelijke: checked ? (edit?.text ?? stored) : '' },
            { marked, verantwoordelijke: stored },
          ),
          'Opslaan…',
        ),
      () => markBox.current,
    );
    onError(res.ok ? null : res.message);
    if (res.ok) setEdit(null);
  };

  // leaving the view (or a search that hides this koppelkans) writes what is still waiting
  const saveRef = useRef(saveName);
  saveRef.current = saveName;
  useEffect(
    () => () => {
      if (timer.current) void saveRef.current();
    },
    [],
  );

  if (!k.longlistRow) return null;
  return (
    <div className={styles.concreet}>
      <Checkbox
        ref={markBox}
        label="Minder concreet: iemand maakt hem concreet"
        checked={marked}
        disabled={!!session.busy}
        onChange={(_, d) => void toggle(!!d.checked)}
      />
      {(marked || edit !== null) && (
        <div className={styles.row}>
          <Field
            className={styles.grow}
            label={`Verantwoordelijke voor “${k.koppelkans}”`}
            validationState={message && theirs === null ? 'error' : 'none'}
            validationMessage={theirs === null ? (message ?? undefined) : undefined}
          >
            <Input
              ref={nameField}
              value={value}
              data-control="verantwoordelijke-concreet"
              onChange={(_, d) => {
                setEdit({ text: d.value, base: editRef.current?.base ?? stored });
                setMessage(null);
                stopTimer();
                timer.current = setTimeout(() => void saveName(), TYPING_PAUSE_MS);
              }}
              onBlur={() => {
                const e = editRef.current;
                if (e && theirs === null && e.text.trim() === stored.trim() && !timer.current) setEdit(null);
                else void saveName();
              }}
              onKeyDown={(e) => e.key === 'Enter' && void saveName()}
            />
          </Field>
        </div>
      )}
      {theirs !== null && edit !== null && (
        <TwoVersions
          label={`Verantwoordelijke voor “${k.koppelkans}”: twee versies`}
          message={`${
            theirs.marked
              ? `Een collega heeft de verantwoordelijke intussen veranderd in “${theirs.name || '(leeg)'}”.`
              : 'Een collega heeft “minder concreet” intussen uitgezet.'
          } Jouw versie staat in het veld: “${edit.text.trim() || '(leeg)'}”. Welke houd je?`}
          busy={!!session.busy}
          focusAfter={() => (marked ? nameField.current : markBox.current)}
          onMine={() => void saveName(stored, true)}
          onTheirs={() => {
            stopTimer();
            setEdit(null);
            setMessage(null);
          }}
        />
      )}
    </div>
  );
}

export function KoppelkansenPicker({ session, model, confirm }: { session: WorkbookSession; model: Stap2Model; confirm: (r: ConfirmRequest) => void }) {
  const styles = useStyles();
  const picker = usePickerStyles();
  const idPrefix = useId();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  // the own koppelkans being typed, kept in the pane's storage until added or thrown away;
  // only the chosen opgave alone is no draft (nothing typed)
  const { draft: ownDraft, restored: ownRestored, setDraft: setOwnDraft } = useStoredDraft(session.host.storage, OWN_KOPPELKANS_DRAFT, isOwnKoppelkans);
  const own: OwnKoppelkans = ownDraft ?? { opgave: '', koppelkans: '', toelichting: '' };
  const setOwn = (next: OwnKoppelkans) => setOwnDraft(next.koppelkans || next.toelichting || next.opgave ? next : null);
  const ownTyped = !!(own.koppelkans || own.toelichting);
  const [ownMessage, setOwnMessage] = useState<string | null>(null);
  const selectedOpgaven = model.opgaven.filter((o) => o.rows.length);
  // the draft's opgave is no longer chosen (a colleague took it off meanwhile): say so, offer the others
  const ownOpgaveGone = !!own.opgave && !selectedOpgaven.some((o) => o.opgave === own.opgave);
  const ownOpgave = (!ownOpgaveGone && own.opgave) || selectedOpgaven[0]?.opgave || '';
  const chosen = model.opgaven.reduce((n, o) => n + o.koppelkansen.filter((k) => k.rows.length).length, 0);
  const lists = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const ownField = useRef<HTMLInputElement>(null);
  /** The koppelkans's checkbox (disabled while the pane writes, so a write drops the keyboard focus); the search box when it is not shown. */
  const boxOf = (k: Stap2Koppelkans) => () =>
    byData(lists.current, 'input[data-koppelkans]', 'koppelkans', JSON.stringify([k.opgave, k.koppelkans])) ?? search.current;

  const toggle = async (k: Stap2Koppelkans, checked: boolean) => {
    setError(null);
    if (checked) {
      const res = await keepFocus(() => session.applyEdit(selectKoppelkans(k.opgave, k.koppelkans), 'Koppelkans kiezen…', PICK_READ), boxOf(k));
      if (!res.ok) setError(res.message);
      return;
    }
    if (!session.snapshot || !session.analysis) return;
    // the cell comments and notes too (read for the question when the pane's last read has none): one on the row stays there
    const snapshot = await snapshotWithComments(session);
    if (!snapshot) {
      setError('De opmerkingen in de cellen van de werkmap konden niet worden gelezen; er is niets weggehaald. Probeer het opnieuw.');
      return;
    }
    const ctx = stap2Context(snapshot, session.analysis, session.notes);
    // the loss of all its rows together (a koppelkans typed twice in the grid has two): a note loses its koppelkans only with the last
    const r = 'message' in ctx ? null : deselectKoppelkansRowsEdit(ctx, k.rows);
    const loss: Loss = r?.ok ? r.loss : { scores: 0, notes: 0 };
    const go = async () => {
      const res = await keepFocus(
        () => session.applyEdit(deselectKoppelkans(k.opgave, k.koppelkans, loss), 'Koppelkans weghalen…', { definitions: true }),
        boxOf(k),
      );
      if (!res.ok) setError(res.message);
    };
    const question = deselectKoppelkansQuestion(k.koppelkans, loss);
    if (question) confirm({ ...question, onConfirm: () => void go() });
    else await go();
  };

  const addOwn = async () => {
    const invalid = validateName(own.koppelkans, 'koppelkans');
    if (invalid) return setOwnMessage(invalid);
    // the button is disabled once the form is empty again: the keyboard focus goes back to the name field
    await keepFocus(
      async () => {
        const res = await session.applyEdit(addOwnKoppelkans(ownOpgave, own.koppelkans, own.toelichting), 'Eigen koppelkans toevoegen…', PICK_READ);
        if (!res.ok) return setOwnMessage(res.message);
        setOwnDraft(null);
        setOwnMessage(null);
      },
      () => ownField.current,
    );
  };

  if (!selectedOpgaven.length) {
    return (
      <div className={picker.stack}>
        <Text>Kies eerst een of meer opgaven; daarna zie je hier hun koppelkansen.</Text>
        {ownTyped && (
          <Text size={200} role="alert">
            {`Je eigen koppelkans “${own.koppelkans || own.toelichting}” is nog niet opgeslagen: de opgave “${own.opgave}” is intussen niet meer gekozen. Je tekst blijft bewaard; kies een opgave om hem toe te voegen.`}
          </Text>
        )}
      </div>
    );
  }
  return (
    <div className={picker.stack}>
      <Text>{chosen === 1 ? '1 koppelkans gekozen.' : `${chosen} koppelkansen gekozen.`}</Text>
      <Field label="Zoek een koppelkans">
        <SearchBox ref={search} value={query} onChange={(_, d) => setQuery(d.value)} placeholder="bijvoorbeeld groen dak" />
      </Field>
      {error && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div ref={lists} className={picker.stack}>
        {selectedOpgaven.map((o) => {
          // ids from React and the places in the model's lists (not in what is shown, so a search or
          // another opgave chosen leaves them as they are), never from names: "Café" and "Cafe" are two opgaven
          const headingId = `${idPrefix}kk-${model.opgaven.indexOf(o)}`;
          const shown = o.koppelkansen.map((k, place) => ({ k, place })).filter(({ k }) => matchesSearch(k, query));
          return (
            <section key={o.opgave} className={styles.group} aria-labelledby={headingId}>
              <Text as="h4" weight="semibold" id={headingId}>
                {o.opgave}
              </Text>
              {shown.length === 0 && (
                <Text size={200}>
                  {query ? 'Geen koppelkans gevonden met deze zoektekst.' : 'Nog geen koppelkansen bij deze opgave: voeg er hieronder een toe.'}
                </Text>
              )}
              <ul className={picker.list}>
                {shown.map(({ k, place }) => {
                  const id = `${headingId}-${place}`;
                  return (
                    <li key={k.koppelkans} className={picker.item}>
                      <Checkbox
                        label={k.own ? `${k.koppelkans} (eigen)` : k.koppelkans}
                        checked={k.rows.length > 0}
                        disabled={!!session.busy}
                        data-koppelkans={JSON.stringify([k.opgave, k.koppelkans])}
                        aria-describedby={k.toelichting ? `${id}-t` : undefined}
                        onChange={(_, d) => void toggle(k, !!d.checked)}
                      />
                      {k.toelichting && (
                        <Text size={200} id={`${id}-t`} className={picker.toelichting}>
                          {k.toelichting}
                        </Text>
                      )}
                      {k.rows.length > 0 && <MinderConcreet session={session} k={k} onError={setError} />}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
      {model.elsewhere.length > 0 && (
        <Text size={200}>
          Ook op het werkblad, niet van de longlist: {model.elsewhere.map((e) => `${e.koppelkans || e.opgave} (rij ${e.row})`).join(', ')}.
        </Text>
      )}
      <div className={picker.form} role="group" aria-label="Eigen koppelkans toevoegen">
        <Field label="Bij opgave">
          <Select value={ownOpgave} onChange={(_, d) => setOwn({ ...own, opgave: d.value })}>
            {selectedOpgaven.map((o) => (
              <option key={o.opgave} value={o.opgave}>
                {o.opgave}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Eigen koppelkans" validationState={ownMessage ? 'error' : 'none'} validationMessage={ownMessage ?? undefined}>
          <Input
            ref={ownField}
            value={own.koppelkans}
            onChange={(_, d) => setOwn({ ...own, opgave: ownOpgave, koppelkans: d.value })}
            onKeyDown={(e) => e.key === 'Enter' && void addOwn()}
          />
        </Field>
        <Field label="Toelichting bij de koppelkans">
          <Textarea value={own.toelichting} rows={2} resize="vertical" onChange={(_, d) => setOwn({ ...own, opgave: ownOpgave, toelichting: d.value })} />
        </Field>
        {ownTyped && (
          <Text size={200} role="status">
            {unsavedText(ownRestored)}
          </Text>
        )}
        {ownTyped && ownOpgaveGone && (
          <Text size={200} role="alert">
            {`Je typte deze koppelkans bij de opgave “${own.opgave}”, maar die is intussen niet meer gekozen. Kies hierboven de opgave waar hij bij hoort.`}
          </Text>
        )}
        <div className={styles.row}>
          <Button disabled={!own.koppelkans.trim() || !!session.busy} onClick={() => void addOwn()}>
            Koppelkans toevoegen
          </Button>
          {ownTyped && (
            <Button
              appearance="subtle"
              onClick={() => {
                // the button goes with the text: the keyboard focus goes back to the name field
                ownField.current?.focus();
                setOwnDraft(null);
                setOwnMessage(null);
              }}
            >
              Tekst weggooien
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
