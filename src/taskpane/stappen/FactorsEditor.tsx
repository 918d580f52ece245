/**
 * Stap 2, row 3: the succesfactoren with weight and "waarom"; rename, reorder (asking
 * first when a formula of the team reads the moved cells: stap2Actions.moveQuestion),
 * remove (asking first when scores or other content of the team would go or a formula of
 * the team would break, naming each by sheet and cell: stap2Actions.removalQuestion), add (asking first when a
 * fixed INDIRECT text of the team points at or right of the new column: stap2Actions.addQuestion). Every change is one batch through the engine
 * (factors.ts), which also moves Totalen and keeps the formulas right.
 */
import { TwoVersions } from '../TwoVersions';
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { columnLetter } from '../../core/a1';
import type { FactorInfo } from '../../core/factors';
import type { WorkbookSession } from '../session';
import type { ConfirmRequest } from './ConfirmDialog';
import { usePickerStyles } from './OpgavenPicker';
import { trackFactors, type TrackedFactor } from './factorTracking';
import {
  addFactor,
  addQuestion,
  factorAddition,
  factorFields,
  factorMove,
  factorRemoval,
  moveFactor,
  moveQuestion,
  removalQuestion,
  removeFactor,
  saveFactor,
  snapshotWithComments,
  type FactorFields,
} from './stap2Actions';
import { draftKey, hasStrings, isRecord, readDraft, writeDraft } from '../logic/drafts';
import { unsavedText, useStoredDraft } from '../useStoredDraft';
import { keepFocus } from '../keepFocus';

/** Storage keys: the cards' typed fields, and the new succesfactor being typed. */
const FACTOR_DRAFTS = draftKey('succesfactoren');
const NEW_FACTOR_DRAFT = draftKey('nieuweSuccesfactor');

/** A card's draft as stored: the factor's name in the workbook when it was last seen, and the typed fields. */
interface StoredFactorEdit {
  factor: string;
  edit: FactorEdit;
}

interface NewFactor {
  name: string;
  waarom: string;
  weging: string;
}
const isNewFactor = (v: unknown): v is NewFactor => isRecord(v) && hasStrings(v, ['name', 'waarom', 'weging']);

const useStyles = makeStyles({
  factor: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'end' },
  weight: { width: '5em' },
  grow: { flexGrow: 1, minWidth: '8em' },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** What the user is typing in one factor's card: only the fields typed in, and per field the value typing started from. */
interface FactorEdit {
  draft: Partial<FactorFields>;
  base: Partial<FactorFields>;
}

type SetEdit = (update: (e: FactorEdit | null) => FactorEdit | null) => void;

const FIELDS: (keyof FactorFields)[] = ['name', 'weging', 'waarom'];
/** Only the three fields, each a string when present. */
const isFields = (v: unknown): v is Partial<FactorFields> =>
  isRecord(v) && Object.entries(v).every(([k, x]) => (FIELDS as string[]).includes(k) && typeof x === 'string');
const isStoredFactorEdits = (v: unknown): v is StoredFactorEdit[] =>
  Array.isArray(v) && v.every((s) => isRecord(s) && typeof s.factor === 'string' && isRecord(s.edit) && isFields(s.edit.draft) && isFields(s.edit.base));
const FIELD_TITLE: Record<keyof FactorFields, string> = { name: 'Naam', weging: 'Weging', waarom: 'Waarom' };

/** The fields where a colleague changed the workbook after the user started typing there: [field, their value]. */
function colleagueChanges(edit: FactorEdit | null, live: FactorFields): [keyof FactorFields, string][] {
  if (!edit) return [];
  return FIELDS.filter((k) => edit.draft[k] !== undefined && edit.base[k] !== undefined && live[k].trim() !== (edit.base[k] ?? '').trim()).map((k) => [
    k,
    live[k],
  ]);
}

function FactorCard({
  session,
  f,
  count,
  confirm,
  edit,
  setEdit,
  cardAt,
}: {
  session: WorkbookSession;
  f: FactorInfo;
  count: number;
  confirm: (r: ConfirmRequest) => void;
  edit: FactorEdit | null;
  setEdit: SetEdit;
  /** The card at place `index` (0-based, clamped to the list) after a re-render, for the keyboard focus after a removal. */
  cardAt: (index: number) => HTMLElement | null;
}) {
  const styles = useStyles();
  const card = useRef<HTMLLIElement>(null);
  const original = factorFields(f);
  const [message, setMessage] = useState<string | null>(null);
  const value: FactorFields = { ...original, ...edit?.draft };
  const dirty = !!edit && FIELDS.some((k) => edit.draft[k] !== undefined && edit.draft[k].trim() !== original[k]);
  const theirs = colleagueChanges(edit, original);
  const busy = !!session.busy;
  // typing a field records what it held when typing started; the other fields keep following the workbook
  const type = (k: keyof FactorFields, text: string) =>
    setEdit((e) => ({
      draft: { ...e?.draft, [k]: text },
      base: { ...e?.base, [k]: e?.base[k] ?? original[k] },
    }));

  /**
   * One write, then `onOk` when it succeeded; a keyboard focus dropped meanwhile (a button
   * disabled by the write or by `onOk`) goes back to this card, or to `fallback`.
   */
  const run = async (
    build: Parameters<WorkbookSession['applyEdit']>[0],
    label: string,
    fallback: () => HTMLElement | null = () => card.current,
    onOk: () => void = () => undefined,
    options?: Parameters<WorkbookSession['applyEdit']>[2],
  ) =>
    keepFocus(async () => {
      const res = await session.applyEdit(build, label, options);
      setMessage(res.ok ? null : res.message);
      if (res.ok) onOk();
      return res.ok;
    }, fallback);
  /** Saves the typed fields; `base` is what they are checked against (the colleague's version once the user chose to overwrite it). */
  const save = async (base: Partial<FactorFields>) => {
    if (!edit) return;
    await run(saveFactor(f.name, edit.draft, base), 'Succesfactor opslaan…', undefined, () => setEdit(() => null));
  };
  /**
   * The pane's last read with the team's names, conditional formats and validations (read
   * for the question when that read has none), or null when they could not be read (then
   * the message says nothing changed: `nothing` is "verwijderd" or "verplaatst").
   */
  const withDefinitions = async (nothing: string) => {
    let snapshot = session.snapshot!;
    if (!snapshot.definitions) {
      let definitions;
      try {
        definitions = (await session.port.readSnapshot({ definitions: true })).definitions;
      } catch {
        setMessage(`De namen en regels van de werkmap konden niet worden gelezen; er is niets ${nothing}. Probeer het opnieuw.`);
        return null;
      }
      if (definitions) snapshot = { ...snapshot, definitions };
    }
    return snapshot;
  };
  const remove = async () => {
    if (!session.snapshot || !session.analysis) return;
    const canShiftColumns = session.port.canShiftColumns === true;
    // the team's names (and, for a column delete, conditional formats and validations) for the question
    const snapshot = await withDefinitions('verwijderd');
    if (!snapshot) return;
    // what goes along (scores, the team's formulas, names and rules that break), from the pane's last read: asked before anything changes
    const r = factorRemoval({ snapshot, analysis: session.analysis, notes: session.notes, canShiftColumns }, f.name);
    if (!r.ok) return setMessage(r.message);
    const go = async () => {
      // the user removes this factor: what was typed in its card goes with it (no "removed by a colleague" card)
      setEdit(() => null);
      // the card goes: the keyboard focus moves to the card that takes its place
      await run(removeFactor(f.name, r.scores, r.seen, r.other), 'Succesfactor verwijderen…', () => cardAt(f.index), undefined, { definitions: true });
    };
    const question = removalQuestion(f.name, r);
    if (question) confirm({ ...question, onConfirm: () => void go() });
    else void go();
  };
  const move = async (delta: number) => {
    if (!session.snapshot || !session.analysis) return;
    // the team's names too: one that points into a moved column then stands for another factor's cells
    const snapshot = await withDefinitions('verplaatst');
    if (!snapshot || !session.analysis) return;
    // the team's formulas and names that read the cells the move rewrites, from the pane's last read: asked before anything changes
    const m = factorMove({ snapshot, analysis: session.analysis, notes: session.notes, canShiftColumns: session.port.canShiftColumns === true }, f.name, delta);
    if (!m.ok) return setMessage(m.message);
    const go = () => void run(moveFactor(f.name, delta, m.seen), 'Volgorde aanpassen…', undefined, undefined, { definitions: true });
    const question = moveQuestion(f.name, delta, m);
    if (question) confirm({ ...question, onConfirm: go });
    else go();
  };

  return (
    <li ref={card} tabIndex={-1} className={styles.factor} aria-label={`Succesfactor ${f.index + 1}: ${f.name}`}>
      <div className={styles.row}>
        <Field className={styles.grow} label={`Naam (kolom ${columnLetter(f.column)})`}>
          <Input value={value.name} onChange={(_, d) => type('name', d.value)} />
        </Field>
        <Field className={styles.weight} label="Weging">
          <Input value={value.weging} inputMode="decimal" onChange={(_, d) => type('weging', d.value)} />
        </Field>
      </div>
      <Field label="Waarom deze succesfactor" hint={!f.waarom && f.standaardWaarom ? `Standaard: ${f.standaardWaarom}` : undefined}>
        <Textarea value={value.waarom} rows={2} resize="vertical" onChange={(_, d) => type('waarom', d.value)} />
      </Field>
      {theirs.length > 0 && (
        <TwoVersions
          label={`${f.name}: twee versies`}
          className={styles.factor}
          size="small"
          message="Een collega heeft deze succesfactor intussen aangepast. Jouw tekst staat hierboven; welke versie houd je?"
          details={theirs.map(([k, v]) => (
            <Text key={k} size={200}>
              {`${FIELD_TITLE[k]}: collega “${v || '(leeg)'}”, jij “${edit?.draft[k]?.trim() || '(leeg)'}”`}
            </Text>
          ))}
          busy={busy}
          focusAfter={() => card.current}
          onMine={() => void save({ ...edit?.base, ...Object.fromEntries(theirs) })}
          onTheirs={() => {
            setMessage(null);
            setEdit((e) => {
              if (!e) return null;
              const draft = { ...e.draft };
              for (const [k] of theirs) delete draft[k];
              return Object.keys(draft).length ? { draft, base: e.base } : null;
            });
          }}
        />
      )}
      {message && theirs.length === 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {dirty && theirs.length === 0 && (
        <Text size={200} role="status">
          {unsavedText(false)}
        </Text>
      )}
      <Text size={200} className={styles.meta}>
        {`${f.scores === 1 ? '1 score' : `${f.scores} scores`}${f.other.length ? ` en ${f.other.length === 1 ? '1 andere cel' : `${f.other.length} andere cellen`}` : ''}`}
      </Text>
      <div className={styles.row}>
        {theirs.length === 0 && (
          <Button size="small" appearance="primary" disabled={!dirty || busy} onClick={() => void save(edit?.base ?? {})}>
            Opslaan
          </Button>
        )}
        {edit && theirs.length === 0 && (
          <Button
            size="small"
            appearance="subtle"
            onClick={() => {
              // the button goes with the text: the keyboard focus stays on the card, not on the page's body
              card.current?.focus();
              setMessage(null);
              setEdit(() => null);
            }}
          >
            Tekst weggooien
          </Button>
        )}
        <Button size="small" disabled={f.index === 0 || busy} aria-label={`Eerder: ${f.name}`} onClick={() => void move(-1)}>
          Eerder
        </Button>
        <Button size="small" disabled={f.index === count - 1 || busy} aria-label={`Later: ${f.name}`} onClick={() => void move(1)}>
          Later
        </Button>
        <Button size="small" disabled={count <= 1 || busy} aria-label={`Verwijderen: ${f.name}`} onClick={() => void remove()}>
          Verwijderen
        </Button>
      </div>
    </li>
  );
}

/**
 * Adds factor `name` through the engine, asking first (`confirm`, stap2Actions.addQuestion)
 * when a formula or name of the team's would then read other cells (a fixed INDIRECT text
 * at or right of the new column) or cannot be checked; at once when nothing is affected.
 * `done` runs after the factor was added; `fail` gets the Dutch message of a refusal or a
 * failed read.
 */
async function addAsking(
  session: WorkbookSession,
  confirm: (r: ConfirmRequest) => void,
  fields: { name: string; waarom: string; weging: string },
  done: () => void,
  fail: (message: string) => void,
): Promise<void> {
  if (!session.analysis) return;
  // the team's names too: one whose INDIRECT text points right of the new column then stands for other cells
  const snapshot = await snapshotWithComments(session);
  if (!snapshot || !session.analysis) return fail('De namen en regels van de werkmap konden niet worden gelezen; er is niets toegevoegd. Probeer het opnieuw.');
  const fresh = { snapshot, analysis: session.analysis, notes: session.notes, canShiftColumns: session.port.canShiftColumns === true };
  const m = factorAddition(fresh, fields.name, fields.waarom, fields.weging);
  if (!m.ok) return fail(m.message);
  const go = async () => {
    const res = await session.applyEdit(addFactor(fields.name, fields.waarom, fields.weging, m.seen), 'Succesfactor toevoegen…', { definitions: true });
    if (res.ok) done();
    else fail(res.message);
  };
  const question = addQuestion(fields.name, m);
  if (question) confirm({ ...question, onConfirm: () => void go() });
  else await go();
}

/** A card whose factor a colleague removed while the user was typing in it: the typed text stays, with a way to keep it. */
function RemovedFactorCard({
  session,
  last,
  edit,
  drop,
  restored,
  confirm,
}: {
  session: WorkbookSession;
  last: FactorFields;
  edit: FactorEdit;
  drop: () => void;
  /** The draft was kept from an earlier session: the factor may as well have been renamed. */
  restored: boolean;
  confirm: (r: ConfirmRequest) => void;
}) {
  const styles = useStyles();
  const [message, setMessage] = useState<string | null>(null);
  const value: FactorFields = { ...last, ...edit.draft };
  const again = () => addAsking(session, confirm, value, drop, setMessage);
  return (
    <li className={styles.factor} aria-label={`Verwijderde succesfactor: ${last.name}`}>
      <Text role="alert">
        {`De succesfactor “${last.name}” is intussen door iemand anders ${restored ? 'verwijderd of hernoemd' : 'verwijderd'}. Wat je typte is niet opgeslagen en staat hieronder; voeg hem opnieuw toe of gooi je tekst weg.`}
      </Text>
      {FIELDS.filter((k) => edit.draft[k] !== undefined).map((k) => (
        <Text key={k} size={200}>{`${FIELD_TITLE[k]}: “${edit.draft[k] || '(leeg)'}”`}</Text>
      ))}
      {message && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button size="small" appearance="primary" disabled={!!session.busy} onClick={() => void again()}>
          Opnieuw toevoegen
        </Button>
        <Button size="small" disabled={!!session.busy} onClick={drop}>
          Tekst weggooien
        </Button>
      </div>
    </li>
  );
}

export function FactorsEditor({ session, factors, confirm }: { session: WorkbookSession; factors: FactorInfo[]; confirm: (r: ConfirmRequest) => void }) {
  const picker = usePickerStyles();
  const styles = useStyles();
  const storage = session.host.storage;
  // the new succesfactor being typed, kept in the pane's storage until added or thrown away
  const { draft: nieuw, restored: nieuwRestored, setDraft: setNieuw } = useStoredDraft(storage, NEW_FACTOR_DRAFT, isNewFactor);
  const { name, waarom, weging } = nieuw ?? { name: '', waarom: '', weging: '1' };
  const typeNew = (patch: Partial<NewFactor>) => {
    const next = { name, waarom, weging, ...patch };
    setNieuw(next.name || next.waarom || next.weging !== '1' ? next : null);
  };
  const [message, setMessage] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const newName = useRef<HTMLInputElement>(null);
  /** The card at place `index`, clamped to the list; the new factor's name field when no card is left. */
  const cardAt = (index: number): HTMLElement | null => {
    const cards = list.current ? Array.from(list.current.querySelectorAll<HTMLElement>(':scope > li')) : [];
    return cards[Math.max(0, Math.min(index, cards.length - 1))] ?? newName.current;
  };
  // local ids carried from read to read (factorTracking.ts), so a card and its typed text stay with their factor
  const tracking = useRef<{ list: TrackedFactor[]; last: Map<number, FactorFields>; next: number }>({ list: [], last: new Map(), next: 1 });
  const ids = useMemo(() => {
    const t = tracking.current;
    const r = trackFactors(
      t.list,
      factors.map((f) => f.name),
      () => t.next++,
    );
    t.list = r.tracked;
    // the last values of every factor seen, also of removed ones (their cards may still hold typed text)
    r.tracked.forEach((x, i) => t.last.set(x.id, factorFields(factors[i])));
    return r.tracked.map((x) => x.id);
  }, [factors]);
  const [edits, setEdits] = useState<Map<number, FactorEdit>>(new Map());
  // typed card fields kept from an earlier session (a reload, a closed pane): given back to
  // their factor by name, once the factors are read; a factor gone meanwhile gets a removed card
  const restoredIds = useRef<Set<number> | null>(null);
  if (restoredIds.current === null && factors.length > 0) {
    const t = tracking.current;
    const kept = new Map<number, FactorEdit>();
    restoredIds.current = new Set();
    for (const s of readDraft(storage, FACTOR_DRAFTS, isStoredFactorEdits) ?? []) {
      const at = factors.findIndex((f, i) => f.name === s.factor && !kept.has(ids[i]));
      let id = at >= 0 ? ids[at] : -1;
      if (id < 0) {
        id = t.next++;
        t.last.set(id, { name: s.factor, weging: s.edit.base.weging ?? '', waarom: s.edit.base.waarom ?? '' });
      }
      kept.set(id, s.edit);
      restoredIds.current.add(id);
    }
    if (kept.size) setEdits(kept);
  }
  // every change of the cards' typed fields (and a factor renamed meanwhile) is written to the pane's storage at once
  useEffect(() => {
    if (restoredIds.current === null) return;
    const t = tracking.current;
    const list: StoredFactorEdit[] = [...edits].map(([id, edit]) => ({ factor: factors[ids.indexOf(id)]?.name ?? t.last.get(id)?.name ?? '', edit }));
    writeDraft(storage, FACTOR_DRAFTS, list.length ? list : null);
  }, [edits, ids, factors, storage]);
  // typed text whose factor a colleague removed: kept in its own card until saved again or thrown away
  const orphans = [...edits.keys()].filter((id) => !ids.includes(id));
  const setEditOf =
    (id: number): SetEdit =>
    (update) =>
      setEdits((m) => {
        const next = new Map(m);
        const e = update(m.get(id) ?? null);
        if (e) next.set(id, e);
        else next.delete(id);
        return next;
      });
  const add = async () => {
    // the button is disabled once the form is empty again: the keyboard focus goes back to the name field for the next one
    await keepFocus(
      async () => {
        await addAsking(
          session,
          confirm,
          { name, waarom, weging },
          () => {
            setNieuw(null);
            setMessage(null);
          },
          setMessage,
        );
      },
      () => newName.current,
    );
  };
  return (
    <div className={picker.stack}>
      <Text>
        Welke factoren bepalen of de wijktransitie slaagt? Verwijder wat hier niet geldt, voeg toe wat ontbreekt. Ze staan in rij 3 van het werkblad, de weging
        in rij 4 en het waarom in rij 5.
      </Text>
      <ul ref={list} className={picker.list} aria-label="Succesfactoren">
        {factors.map((f, i) => (
          <FactorCard
            key={ids[i]}
            session={session}
            f={f}
            count={factors.length}
            confirm={confirm}
            edit={edits.get(ids[i]) ?? null}
            setEdit={setEditOf(ids[i])}
            cardAt={cardAt}
          />
        ))}
        {orphans.map((id) => (
          <RemovedFactorCard
            key={id}
            session={session}
            last={tracking.current.last.get(id) ?? { name: '', weging: '', waarom: '' }}
            edit={edits.get(id)!}
            drop={() => {
              // the card goes with the text: the keyboard focus goes to the last factor's card (the
              // new factor's name field when none is left), not to the page's body
              (factors.length ? cardAt(factors.length - 1) : newName.current)?.focus();
              setEditOf(id)(() => null);
            }}
            restored={!!restoredIds.current?.has(id)}
            confirm={confirm}
          />
        ))}
      </ul>
      <div className={picker.form} role="group" aria-label="Succesfactor toevoegen">
        <Field label="Nieuwe succesfactor" validationState={message ? 'error' : 'none'} validationMessage={message ?? undefined}>
          <Input ref={newName} value={name} onChange={(_, d) => typeNew({ name: d.value })} onKeyDown={(e) => e.key === 'Enter' && name.trim() && void add()} />
        </Field>
        <Field label="Waarom deze succesfactor">
          <Textarea value={waarom} rows={2} resize="vertical" onChange={(_, d) => typeNew({ waarom: d.value })} />
        </Field>
        <Field label="Weging">
          <Input value={weging} inputMode="decimal" onChange={(_, d) => typeNew({ weging: d.value })} />
        </Field>
        {nieuw && (
          <Text size={200} role="status">
            {unsavedText(nieuwRestored)}
          </Text>
        )}
        <div className={styles.row}>
          <Button disabled={!name.trim() || !!session.busy} onClick={() => void add()}>
            Succesfactor toevoegen
          </Button>
          {nieuw && (
            <Button
              appearance="subtle"
              onClick={() => {
                // the button goes with the text: the keyboard focus goes back to the name field
                newName.current?.focus();
                setNieuw(null);
                setMessage(null);
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
