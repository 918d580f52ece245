/**
 * Scoren (stap 3): one koppelkans at a time, an input per success factor (whole numbers
 * −10..10), the live weighted total, and Vorige/Volgende. Scores are written on blur or
 * Enter; PageUp/PageDown go to the previous/next koppelkans.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  ProgressBar,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MutableRefObject } from 'react';
import { parseScoreInput, scoreEdit } from '../../core/edits';
import type { Analysis } from '../../core/analyze';
import type { KoppelkansRow } from '../../core/werkblad';
import { defaultWaarom } from '../../core/factors';
import { textAt, valueAt } from '../../core/grid';
import type { CellValue } from '../../core/snapshot';
import { sameName, WERKBLAD } from '../../core/layout';
import { nameKey } from '../../core/names';
import type { WorkbookSession } from '../session';
import { draftKey as storageKey, isRecord } from '../logic/drafts';
import { unsavedText, useStoredDraft } from '../useStoredDraft';
import {
  draftKey,
  formatNumber,
  fullyScored,
  koppelkansId,
  liveScore,
  orphanDrafts,
  parseScoreDrafts,
  rowKoppelkansId,
  scorableRows,
  storedScoreTexts,
  type ScoreDraft,
} from '../logic/scoring';
import { KoppelkansNotes } from '../notes/KoppelkansNotes';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  nav: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', justifyContent: 'space-between' },
  title: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  opgave: { color: tokens.colorNeutralForeground2 },
  factors: { display: 'grid', gridTemplateColumns: '1fr', gap: tokens.spacingVerticalS },
  factor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  scoreInput: { maxWidth: '7em' },
  total: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  totalValue: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  jump: { minWidth: '0', width: '100%' },
  orphans: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  waarom: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, '& dd': { margin: 0 } },
  notes: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** The longlist's toelichting of a koppelkans (under its own opgave first). */
function toelichtingOf(analysis: Analysis | null, opgave: string, koppelkans: string): string {
  const entries = analysis?.longlist.entries ?? [];
  const k = nameKey(koppelkans);
  const match = entries.find((e) => nameKey(e.koppelkans) === k && nameKey(e.opgave) === nameKey(opgave)) ?? entries.find((e) => nameKey(e.koppelkans) === k);
  return match?.toelichting ?? '';
}

/**
 * The storage key of Scoren's kept drafts: one record of every typed score not yet in the
 * workbook, by koppelkans identity and factor (see ScoreDraft), so a reload or a closed
 * pane loses none. Like the pane's other drafts, kept per user on this computer.
 */
export const SCORE_DRAFTS_KEY = storageKey('scores');
/** The stored drafts' first check: a record; parseScoreDrafts keeps only its ScoreDraft entries. */
const isDraftRecord = (v: unknown): v is Record<string, unknown> => isRecord(v);

/** Identity of a row's koppelkans (koppelkansId), kept per row object: the analysis after a typed score shares every other row. */
const idOf = rowKoppelkansId;

/** The jump list's option of row `r` at place `i` (0-based), kept per row object while its place and mark stay. */
const rowOptions = new WeakMap<KoppelkansRow, { i: number; invalid: boolean; option: JSX.Element }>();
function optionOf(r: KoppelkansRow, i: number, invalid: boolean): JSX.Element {
  const kept = rowOptions.get(r);
  if (kept && kept.i === i && kept.invalid === invalid) return kept.option;
  const option = (
    <Option key={r.row} value={String(r.row)} text={`${i + 1}. ${r.koppelkans}`}>
      {`${i + 1}. ${r.koppelkans}${invalid ? ' ⚠ ongeldige score niet opgeslagen' : r.scored === r.factors ? ' ✓' : ''}`}
    </Option>
  );
  rowOptions.set(r, { i, invalid, option });
  return option;
}

/** Two of the jump list's options (see optionOf) that show the same thing. */
function sameOption(a: JSX.Element, b: JSX.Element | undefined): boolean {
  const p = a.props as { value: string; text: string; children: string };
  const q = b?.props as { value: string; text: string; children: string } | undefined;
  return b !== undefined && a.key === b.key && p.value === q?.value && p.text === q.text && p.children === q.children;
}

/** The indexes at which `next` holds another row object than `prev`; null when their lengths differ (rows added or removed). */
function changedIndexes(prev: readonly KoppelkansRow[], next: readonly KoppelkansRow[]): number[] | null {
  if (prev.length !== next.length) return null;
  const out: number[] = [];
  for (let i = 0; i < next.length; i++) if (prev[i] !== next[i]) out.push(i);
  return out;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * The jump list of the rows: an id per row (its koppelkans identity; the same opgave +
 * koppelkans twice, which the engine flags, told apart by their order: "id#n") and an option
 * per row, kept from one analysis to the next. After a typed score the new rows differ from
 * the last ones in a row object or two at the same places; only those are looked at again
 * (making 5,000 ids and options again on every written score costs milliseconds). Any other
 * change (rows added, removed, renamed; other marks) makes them all again.
 */
class JumpList {
  private rows: readonly KoppelkansRow[] = [];
  private invalid: ReadonlySet<string> = new Set();
  private ids: string[] = [];
  private options: JSX.Element[] = [];

  /** The ids and options of `rows`, with the koppelkansen in `withInvalid` (by identity) marked. */
  update(rows: readonly KoppelkansRow[], withInvalid: ReadonlySet<string>): { ids: string[]; options: JSX.Element[] } {
    const changed = changedIndexes(this.rows, rows);
    if (!changed || changed.some((i) => idOf(rows[i]) !== idOf(this.rows[i]))) {
      const seen = new Map<string, number>();
      this.ids = rows.map((r) => {
        const id = idOf(r);
        const n = seen.get(id) ?? 0;
        seen.set(id, n + 1);
        return `${id}#${n}`;
      });
    }
    if (!changed || !sameSet(this.invalid, withInvalid)) this.options = rows.map((r, i) => optionOf(r, i, withInvalid.has(idOf(r))));
    else {
      // a changed row whose option reads the same (its score changed, not its ✓) keeps the option it had, and the list stays the same array
      let options: JSX.Element[] | null = null;
      for (const i of changed) {
        const option = optionOf(rows[i], i, withInvalid.has(idOf(rows[i])));
        if (sameOption(option, this.options[i])) continue;
        options ??= [...this.options];
        options[i] = option;
      }
      if (options) this.options = options;
    }
    this.rows = rows;
    this.invalid = withInvalid;
    return { ids: this.ids, options: this.options };
  }
}

/** The same strings in the same order. */
function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/** The jump list ("Ga naar koppelkans"). Memoised: a written score that leaves every option as it was does not render it again. */
const JumpTo = memo(function JumpTo({
  className,
  value,
  row,
  options,
  onPick,
}: {
  className: string;
  /** What the closed list shows. */
  value: string;
  /** The werkblad row of the koppelkans shown (the option selected). */
  row: number;
  options: JSX.Element[];
  onPick: (value: string | undefined) => void;
}) {
  const selected = useMemo(() => [String(row)], [row]);
  return (
    <Field label="Ga naar koppelkans">
      <Dropdown className={className} value={value} selectedOptions={selected} onOptionSelect={(_, d) => onPick(d.optionValue)}>
        {options}
      </Dropdown>
    </Field>
  );
});

interface KoppelkansInfoProps {
  /** Class of the list of factors with their waarom. */
  className: string;
  toelichting: string;
  /** The factors' names and the waarom of each, in werkblad order. */
  names: string[];
  waarom: string[];
}

/** The toelichting of the koppelkans and the waarom of each factor, folded. Memoised: rendered again only when a text in it changes. */
const KoppelkansInfo = memo(
  function KoppelkansInfo({ className, toelichting, names, waarom }: KoppelkansInfoProps) {
    return (
      <Accordion collapsible multiple>
        <AccordionItem value="toelichting">
          <AccordionHeader size="small">Toelichting bij deze koppelkans</AccordionHeader>
          <AccordionPanel>
            <Text size={200}>{toelichting || 'Geen toelichting op de longlist.'}</Text>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="waarom">
          <AccordionHeader size="small">Waarom deze succesfactoren</AccordionHeader>
          <AccordionPanel>
            <dl className={className}>
              {names.map((name, i) => (
                <div key={i}>
                  <dt>
                    <Text size={200} weight="semibold">
                      {name}
                    </Text>
                  </dt>
                  <dd>
                    <Text size={200}>{waarom[i] || 'Nog geen toelichting (vul die in bij Stap 2).'}</Text>
                  </dd>
                </div>
              ))}
            </dl>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    );
  },
  (a, b) => a.className === b.className && a.toelichting === b.toelichting && sameStrings(a.names, b.names) && sameStrings(a.waarom, b.waarom),
);

/** What the score fields tell the view, by factor index. */
interface FieldHandlers {
  focus: (i: number) => void;
  change: (i: number, value: string) => void;
  blur: (i: number) => void;
  keyDown: (i: number, e: KeyboardEvent<HTMLInputElement>) => void;
  /** An option of the jump list chosen (its value: the werkblad row). */
  pick: (value: string | undefined) => void;
}

interface ScoreFieldProps {
  index: number;
  className: string;
  inputClassName: string;
  label: string;
  text: string;
  /** Why the text is no score (shown as an error), or undefined. */
  message: string | undefined;
  /** The "not saved yet" mark of a kept draft, or undefined. */
  unsaved: string | undefined;
  /** Where the view keeps its score inputs (by factor index) to move the focus. */
  inputs: MutableRefObject<(HTMLInputElement | null)[]>;
  /** Stable handlers (the view's latest ones behind them). */
  on: FieldHandlers;
}

/**
 * One factor's score input with its label and message. Memoised: a typed or written score
 * renders its own field again, not all twelve (Fluent's Field and Input are the costliest
 * part of a render of the view).
 */
const ScoreField = memo(function ScoreField({ index, className, inputClassName, label, text, message, unsaved, inputs, on }: ScoreFieldProps) {
  const setInput = useCallback(
    (el: HTMLInputElement | null) => {
      inputs.current[index] = el;
    },
    [inputs, index],
  );
  return (
    <Field className={className} label={label} validationState={message ? 'error' : 'none'} validationMessage={message ?? unsaved}>
      <Input
        className={inputClassName}
        ref={setInput}
        value={text}
        inputMode="numeric"
        placeholder="leeg"
        autoComplete="off"
        onFocus={() => on.focus(index)}
        onChange={(_, d) => on.change(index, d.value)}
        onBlur={() => on.blur(index)}
        onKeyDown={(e) => on.keyDown(index, e)}
      />
    </Field>
  );
});

export function ScorenView({ session, active }: { session: WorkbookSession; active: boolean }) {
  const styles = useStyles();
  const werkblad = session.analysis?.werkblad ?? null;
  const rows = useMemo(() => scorableRows(werkblad), [werkblad]);
  // once per new analysis, not on every render (typing re-renders the view per key)
  const complete = useMemo(() => fullyScored(rows), [rows]);
  /** The koppelkans shown, by identity (opgave + name), never by row: rows move under the pane when colleagues insert or delete them. */
  const [currentId, setCurrentId] = useState<string | null>(null);
  /** Where the shown koppelkans stood: when it disappears, the one now at that place is shown. */
  const lastIndex = useRef(0);
  /** Typed scores not yet in the workbook, by koppelkans identity and factor name (see ScoreDraft). */
  const kept = useStoredDraft(session.host.storage, SCORE_DRAFTS_KEY, isDraftRecord);
  const drafts = useMemo(() => parseScoreDrafts(kept.draft), [kept.draft]);
  const setStoredDrafts = kept.setDraft;
  /** Changes the drafts (stored at once); none left removes the stored record. */
  const setDrafts = (change: (d: Record<string, ScoreDraft>) => Record<string, ScoreDraft>) =>
    setStoredDrafts((prev) => {
      const before = parseScoreDrafts(prev);
      const after = change(before);
      if (after === before) return prev;
      return Object.keys(after).length ? after : null;
    });
  const [focused, setFocused] = useState<number | null>(null);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  /** The score input to focus after moving to another koppelkans (PageUp/PageDown keep the focus in the scores). */
  const refocus = useRef<number | null>(null);
  /** Set when moving on would leave invalid drafts behind: the user is asked first. */
  const [leaving, setLeaving] = useState<number | null>(null);

  /** Koppelkansen (by identity) with an invalid draft kept: marked in the list. */
  const withInvalid = useMemo(
    () =>
      new Set(
        Object.values(drafts)
          .filter((d) => !parseScoreInput(d.text).ok)
          .map((d) => koppelkansId(d.opgave, d.koppelkans)),
      ),
    [drafts],
  );
  // the jump list's ids and options (one per koppelkans: 5,000 at 5,000 rows) are looked at again only for the rows that changed
  const [jumpList] = useState(() => new JumpList());
  const { ids, options } = useMemo(() => jumpList.update(rows, withInvalid), [jumpList, rows, withInvalid]);
  const found = currentId === null ? -1 : ids.indexOf(currentId);
  const index = found >= 0 ? found : Math.min(lastIndex.current, Math.max(0, rows.length - 1));
  lastIndex.current = index;
  const current = rows[index] ?? null;
  const sheet = werkblad ? session.snapshot?.sheets.find((s) => sameName(s.name, werkblad.layout.sheet)) : undefined;
  const stored = werkblad && current ? storedScoreTexts(sheet, werkblad, current.row) : [];
  /** The draft key of factor i of the shown koppelkans. */
  const keyOf = (i: number): string => (current && werkblad ? draftKey(current.opgave, current.koppelkans, werkblad.factors[i]?.name ?? '') : '');
  const texts = stored.map((s, i) => drafts[keyOf(i)]?.text ?? s);
  const live = werkblad && current ? liveScore(werkblad, texts) : null;
  const orphans = useMemo(() => (werkblad ? orphanDrafts(drafts, werkblad) : []), [drafts, werkblad]);
  /** Sets what is typed for factor i of the shown koppelkans; the first keystroke records the cell's value as the guard's base. */
  const type = (i: number, text: string) => {
    const f = werkblad?.factors[i];
    if (!current || !f) return;
    const k = keyOf(i);
    const base: CellValue = sheet ? valueAt(sheet, current.row, f.column) : null;
    setDrafts((d) => ({ ...d, [k]: { opgave: current.opgave, koppelkans: current.koppelkans, factor: f.name, text, base: d[k]?.base ?? base } }));
  };
  /** Forgets the draft under `k` when it still holds `text` (undefined: whatever it holds). */
  const forget = (k: string, text?: string) =>
    setDrafts((d) => {
      if (!(k in d) || (text !== undefined && d[k].text !== text)) return d;
      const { [k]: _, ...rest } = d;
      return rest;
    });
  const factorName = focused !== null ? werkblad?.factors[focused]?.name : undefined;

  useEffect(() => {
    const i = refocus.current;
    if (i === null) return;
    refocus.current = null;
    (inputs.current[i] ?? inputs.current[0])?.focus();
  }, [currentId]);

  /** The score fields' handlers of this render (set below, after the early returns); ScoreField gets `fieldEvents`, which call the last committed ones. */
  let handlersNow: FieldHandlers | null = null;
  const fieldHandlers = useRef<FieldHandlers | null>(null);
  useLayoutEffect(() => {
    fieldHandlers.current = handlersNow;
  });
  const fieldEvents = useMemo<FieldHandlers>(
    () => ({
      focus: (i) => fieldHandlers.current?.focus(i),
      change: (i, value) => fieldHandlers.current?.change(i, value),
      blur: (i) => fieldHandlers.current?.blur(i),
      keyDown: (i, e) => fieldHandlers.current?.keyDown(i, e),
      pick: (value) => fieldHandlers.current?.pick(value),
    }),
    [],
  );

  const setContext = session.setContext;
  const koppelkans = current?.koppelkans;
  useEffect(() => {
    if (active && koppelkans !== undefined) setContext({ step: 'Stap 3', koppelkans, factor: factorName });
    else if (active) setContext({ step: 'Stap 3' });
  }, [active, koppelkans, factorName, setContext]);

  if (!werkblad) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Er is nog geen werkblad met succesfactoren. Ga naar Start om de werkmap voor te bereiden.</MessageBarBody>
      </MessageBar>
    );
  }
  const factorNames = new Set(werkblad.factors.map((f) => nameKey(f.name)));
  const orphanBar = orphans.length > 0 && (
    <MessageBar intent="warning" layout="multiline" data-testid="scoren-orphans">
      <MessageBarBody>
        {orphans.length === 1 ? 'Deze score die je typte is' : `Deze ${orphans.length} scores die je typte zijn`} niet opgeslagen: de plek staat niet meer op
        het werkblad “{werkblad.layout.sheet}”.
        <ul className={styles.orphans}>
          {orphans.map((d) => (
            <li key={draftKey(d.opgave, d.koppelkans, d.factor)}>
              “{d.koppelkans}”{d.opgave ? ` (${d.opgave})` : ''}, {d.factor}: {d.text.trim() || '(leeg)'}{' '}
              {factorNames.has(nameKey(d.factor)) ? '(de koppelkans is verwijderd of hernoemd)' : '(de succesfactor is verwijderd of hernoemd)'}
            </li>
          ))}
        </ul>
        Zet {orphans.length === 1 ? 'hem' : 'ze'} zo nodig zelf bij de juiste koppelkans; tot je {orphans.length === 1 ? 'hem' : 'ze'} weggooit, blijft deze
        melding staan.
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => orphans.forEach((d) => forget(draftKey(d.opgave, d.koppelkans, d.factor)))}>
          Weggooien
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
  if (!current || !live) {
    return (
      <div className={styles.stack}>
        {orphanBar}
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Er staan nog geen koppelkansen op het werkblad. Kies ze bij Stap 2 (opgaven en koppelkansen), of in “{werkblad.layout.sheet}” per rij een opgave
            (kolom A) en een koppelkans (kolom B); daarna kun je ze hier scoren.
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  const commit = async (i: number, text: string): Promise<void> => {
    const k = keyOf(i);
    if (text.trim() === stored[i].trim()) return forget(k);
    // the row as the sheet is now (current is found by identity); guarded by the cell's value
    // when typing started: a colleague's score meanwhile is not overwritten
    const edit = scoreEdit(werkblad, current.row, i, text, drafts[k]?.base ?? null);
    if (!edit.ok) return; // the message is shown inline; the draft stays
    // written: the draft is forgotten in the same update as the new read (one render, not two)
    const result = await session.applyOpsResult(edit.ops, 'Score opslaan…', {
      onApplied: (r) => {
        if (!r.conflicts.length && !r.missingKeys.length) forget(k, text);
      },
    });
    // a conflict: the conflict dialog holds both versions and writes the chosen one
    if (result?.conflicts.length) forget(k, text);
  };

  const commitAll = async () => {
    for (let i = 0; i < texts.length; i++) if (drafts[keyOf(i)] !== undefined) await commit(i, texts[i]);
  };

  /** Factor indexes of this koppelkans whose draft is not a valid score (kept, marked, not written). */
  const invalidDrafts = texts.map((t, i) => (drafts[keyOf(i)] !== undefined && !parseScoreInput(t).ok ? i : -1)).filter((i) => i >= 0);

  const goTo = async (next: number, options: { force?: boolean; keepFocus?: number | null } = {}) => {
    if (next < 0 || next >= rows.length) return;
    await commitAll();
    if (invalidDrafts.length && !options.force) {
      setLeaving(next);
      return;
    }
    setLeaving(null);
    refocus.current = options.keepFocus ?? null;
    lastIndex.current = next;
    setCurrentId(ids[next]);
    setFocused(null);
  };

  const onKeyDown = (i: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      // moving the focus commits through onBlur; the last input commits itself
      const next = inputs.current[i + 1];
      if (next) next.focus();
      else void commit(i, texts[i]);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const n = Number(texts[i].trim().replace(/^\u2212/, '-') || '0');
      if (!Number.isInteger(n)) return;
      e.preventDefault();
      const v = Math.max(-10, Math.min(10, n + (e.key === 'ArrowUp' ? 1 : -1)));
      type(i, String(v));
    }
  };

  handlersNow = {
    focus: setFocused,
    change: type,
    blur: (i) => void commit(i, texts[i]),
    keyDown: (i, e) => onKeyDown(i)(e),
    pick: (value) => {
      const i = rows.findIndex((r) => String(r.row) === value);
      if (i >= 0) void goTo(i);
    },
  };

  const onFormKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      const inScores = inputs.current.indexOf(e.target as HTMLInputElement);
      void goTo(index + (e.key === 'PageDown' ? 1 : -1), { keepFocus: inScores >= 0 ? inScores : null });
    }
  };

  const toelichting = toelichtingOf(session.analysis, current.opgave, current.koppelkans);
  const waarom = werkblad.factors.map((f) => (sheet ? textAt(sheet, WERKBLAD.waaromRow, f.column) : '') || defaultWaarom(f.name));
  const factorList = werkblad.factors.map((f) => f.name);
  return (
    <div className={styles.stack} onKeyDown={onFormKey}>
      <div className={styles.nav}>
        <Button onClick={() => void goTo(index - 1)} disabled={index === 0} aria-keyshortcuts="PageUp">
          ← Vorige
        </Button>
        <Text aria-live="polite">
          Koppelkans {index + 1} van {rows.length}
        </Text>
        <Button onClick={() => void goTo(index + 1)} disabled={index >= rows.length - 1} aria-keyshortcuts="PageDown">
          Volgende →
        </Button>
      </div>
      {orphanBar}
      {leaving !== null && invalidDrafts.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Bij “{current.koppelkans}” {invalidDrafts.length === 1 ? 'staat een score' : `staan ${invalidDrafts.length} scores`} die niet
            {invalidDrafts.length === 1 ? ' kan' : ' kunnen'} worden opgeslagen (
            {invalidDrafts.map((i) => `${werkblad.factors[i].name}: ${texts[i]}`).join(', ')}). Verbeter
            {invalidDrafts.length === 1 ? ' hem' : ' ze'}, of ga toch verder: wat je typte blijft hier staan, gemarkeerd.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => inputs.current[invalidDrafts[0]]?.focus()}>
              Verbeteren
            </Button>
            <Button size="small" onClick={() => void goTo(leaving, { force: true })}>
              Toch verder
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <JumpTo className={styles.jump} value={`${index + 1}. ${current.koppelkans}`} row={current.row} options={options} onPick={fieldEvents.pick} />
      <div className={styles.title}>
        <Text as="h2" size={500} weight="semibold">
          {current.koppelkans}
        </Text>
        <Text className={styles.opgave}>
          {current.opgave ? `Opgave: ${current.opgave}` : 'Geen opgave ingevuld'} · rij {current.row}
        </Text>
      </div>
      <KoppelkansInfo className={styles.waarom} toelichting={toelichting} names={factorList} waarom={waarom} />
      <div className={styles.total} aria-live="polite">
        <span>
          <Text weight="semibold">Gewogen totaal</Text>
          <br />
          <Text size={200}>
            {live.scored} van {live.factors} gescoord
          </Text>
        </span>
        <span className={styles.totalValue} data-testid="score-total">
          {live.total === null ? '–' : formatNumber(live.total)}
        </span>
      </div>
      {live.weightProblem && (
        <MessageBar intent="warning">
          <MessageBarBody>Een weging in rij 4 is ongeldig; zolang dat zo is, heeft deze koppelkans geen totaal.</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.factors} role="group" aria-label={`Scores voor ${current.koppelkans}`}>
        {werkblad.factors.map((f, i) => {
          const text = texts[i];
          // short, under its input (a 320 px pane): the parser's own words, without the sheet address
          const parsed = live.invalid.includes(i) ? parseScoreInput(text) : null;
          const message = parsed && !parsed.ok ? parsed.message : undefined;
          // a kept valid draft (typed, not yet written) says so, the same words as the pane's other drafts
          const unsaved = !message && drafts[keyOf(i)] !== undefined && text.trim() !== stored[i].trim() ? unsavedText(kept.restored) : undefined;
          return (
            <ScoreField
              key={keyOf(i)}
              index={i}
              className={styles.factor}
              inputClassName={styles.scoreInput}
              label={`${f.name} (weging ${f.weging === null ? 'ongeldig' : formatNumber(f.weging)})`}
              text={text}
              message={message}
              unsaved={unsaved}
              inputs={inputs}
              on={fieldEvents}
            />
          );
        })}
      </div>
      <Text size={200} className={styles.hint}>
        Hele getallen van −10 (laagst, negatief) tot 10 (hoogst); leeg is nog niet gescoord. Enter slaat op, pijl omhoog/omlaag verhoogt of verlaagt, Page
        Up/Page Down gaat naar de vorige/volgende koppelkans.
      </Text>
      <Field label={`${complete} van ${rows.length} koppelkansen volledig gescoord`}>
        <ProgressBar value={rows.length ? complete / rows.length : 0} />
      </Field>
      {session.notes.sheet !== null && (
        <section className={styles.notes} aria-labelledby="scoren-notes">
          <Subtitle2 as="h3" id="scoren-notes">
            Notities bij deze koppelkans
          </Subtitle2>
          <KoppelkansNotes session={session} koppelkans={current.koppelkans} />
        </section>
      )}
    </div>
  );
}
