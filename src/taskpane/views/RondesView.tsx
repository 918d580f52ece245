/**
 * Scorerondes (Stap 3): each participant scores on their own first; the facilitator
 * reveals; the group sees per koppelkans × factor the median, the spread and how many
 * scored, most disagreement first, and adopts a score per cell (written to the werkblad,
 * with a note). Scores of others are shown only after reveal, optionally anonymised.
 * All data lives on the Scorerondes sheet (src/core/rondes.ts); every change is an edit built
 * on a fresh read through `session.applyEdit` (./rondesActions.ts), never a write by the view.
 */
import { TwoVersions } from '../TwoVersions';
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Switch, Text, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { parseScoreInput } from '../../core/edits';
import { anonymise, inDispute, inScope, rankSpread, readRondes, summarizeRonde, type CellSummary } from '../../core/rondes';
import type { WorkbookSession } from '../session';
import { draftKey, hasStrings, isRecord } from '../logic/drafts';
import { unsavedText, useStoredDraft } from '../useStoredDraft';
import { adopt, ownScoreEdit, ownScoreText, revealEdit, startRoundEdit, type RondeBuild } from './rondesActions';

const NAME_KEY = 'koppelkansen.deelnemer';

/** A group score typed in a revealed round's cell, before "Vaststellen". */
interface AdoptDraft {
  value: string;
  why: string;
}
const isAdoptDraft = (v: unknown): v is AdoptDraft => isRecord(v) && hasStrings(v, ['value', 'why']);

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  scores: { display: 'grid', gridTemplateColumns: '1fr 5em', gap: tokens.spacingVerticalXS, alignItems: 'center' },
  card: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS },
  small: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  both: { gridColumn: '1 / -1', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const fmt = (n: number | null) => (n === null ? '–' : String(n).replace('.', ',').replace(/^-/, '−'));

export function RondesView({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  const now = () => new Date();
  const werkblad = session.analysis?.werkblad ?? null;
  const state = useMemo(() => readRondes(session.snapshot ?? { sheets: [] }), [session.snapshot]);
  const [name, setName] = useState(() => session.host.storage.get(NAME_KEY) ?? '');
  const [koppelkans, setKoppelkans] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const ronde = state.rondes[state.rondes.length - 1] ?? null;
  const summary = useMemo(() => (ronde ? summarizeRonde(state, ronde.nummer) : []), [state, ronde]);

  if (!werkblad) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Er is nog geen werkblad. Ga naar Start om de werkmap voor te bereiden.</MessageBarBody>
      </MessageBar>
    );
  }
  const apply = async (build: RondeBuild, label: string): Promise<boolean> => {
    setMessage(null);
    const res = await session.applyEdit(build, label);
    if (!res.ok) setMessage(res.message);
    return res.ok;
  };
  const koppelkansen = werkblad.rows.filter((r) => r.koppelkans && ronde && werkblad.factors.some((f) => inScope(ronde, r.koppelkans, f.name)));
  const current = koppelkansen.find((r) => r.koppelkans === koppelkans) ?? koppelkansen[0];
  const mine = (factor: string): string => (ronde && current ? ownScoreText(state, ronde.nummer, name, current.koppelkans, factor) : '');
  const participants = new Set(summary.flatMap((c) => c.scores.map((s) => s.deelnemer.trim().toLowerCase())));
  const alias = anonymise([...participants]);
  const who = (n: string) => (anonymous ? (alias.get(n.trim().toLowerCase()) ?? n) : n);
  const disputed = inDispute(summary);

  return (
    <div className={styles.stack}>
      <Text as="h2" size={500} weight="semibold">
        Scorerondes
      </Text>
      <Text size={200}>
        Ieder scoort eerst zelf, zonder de scores van anderen te zien. Daarna onthult de gespreksleider de ronde en bespreekt de groep de grootste verschillen
        eerst.
      </Text>
      <Field label="Je naam (deelnemer)" hint="Je scores staan onder deze naam op het blad Scorerondes.">
        <Input value={name} onChange={(_, d) => setName(d.value)} onBlur={() => name.trim() && session.host.storage.set(NAME_KEY, name.trim())} />
      </Field>
      {message && (
        <MessageBar intent="error">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button disabled={!!session.busy} onClick={() => void apply(startRoundEdit([], now), 'Ronde starten…')}>
          Nieuwe ronde (alles)
        </Button>
        {ronde && ronde.revealed && disputed.length > 0 && (
          <Button
            disabled={!!session.busy}
            onClick={() =>
              void apply(
                startRoundEdit(
                  disputed.map((c) => ({ koppelkans: c.koppelkans, factor: c.factor })),
                  now,
                ),
                'Ronde starten…',
              )
            }
          >
            Nieuwe ronde op {disputed.length} {disputed.length === 1 ? 'cel' : 'cellen'} in discussie
          </Button>
        )}
        {ronde && !ronde.revealed && (
          <Button appearance="primary" disabled={!!session.busy} onClick={() => void apply(revealEdit(ronde.nummer, now), 'Onthullen…')}>
            Ronde {ronde.nummer} onthullen
          </Button>
        )}
      </div>
      {!ronde ? (
        <Text>Er loopt nog geen ronde. Start er een om ieder apart te laten scoren.</Text>
      ) : (
        <>
          <Text weight="semibold">
            Ronde {ronde.nummer}:{' '}
            {ronde.revealed
              ? 'onthuld'
              : participants.size === 0
                ? 'nog niemand heeft gescoord'
                : participants.size === 1
                  ? '1 deelnemer heeft gescoord'
                  : `${participants.size} deelnemers hebben gescoord`}
          </Text>
          {!ronde.revealed && current && (
            <section className={styles.card} aria-label="Jouw scores">
              <Field label="Koppelkans">
                <Select value={current.koppelkans} onChange={(_, d) => setKoppelkans(d.value)}>
                  {koppelkansen.map((r) => (
                    <option key={r.row} value={r.koppelkans}>
                      {r.koppelkans}
                    </option>
                  ))}
                </Select>
              </Field>
              <div className={styles.scores}>
                {werkblad.factors
                  .filter((f) => inScope(ronde, current.koppelkans, f.name))
                  .map((f) => (
                    <OwnScore
                      key={`${current.koppelkans}|${f.name}`}
                      label={f.name}
                      value={mine(f.name)}
                      disabled={!!session.busy}
                      onCommit={async (text, expected) => {
                        const parsed = parseScoreInput(text);
                        if (!parsed.ok) {
                          setMessage(parsed.message);
                          return false;
                        }
                        if (!name.trim()) {
                          setMessage('Vul eerst je naam in; je scores staan onder je naam.');
                          return false;
                        }
                        return apply(ownScoreEdit(ronde.nummer, name, current.koppelkans, f.name, parsed.value, now, expected), 'Score opslaan…');
                      }}
                    />
                  ))}
              </div>
            </section>
          )}
          {ronde.revealed && (
            <Reveal
              cells={summary}
              who={who}
              anonymous={anonymous}
              setAnonymous={setAnonymous}
              spread={rankSpread(werkblad, summary).slice(0, 5)}
              busy={!!session.busy}
              storage={session.host.storage}
              ronde={ronde.nummer}
              onAdopt={(cell, value, why) =>
                adopt(session, ronde.nummer, cell.koppelkans, cell.factor, value, why, name, now).then((res) => {
                  setMessage(res.ok ? null : res.message);
                  return res.ok;
                })
              }
            />
          )}
        </>
      )}
    </div>
  );
}

/**
 * One own score. What is typed stays in the field across re-reads (also when the name above
 * is changed); it is written on leaving the field or Enter, guarded by the entry shown when
 * typing started. When the sheet meanwhile holds another entry under this name, both are
 * shown and the user chooses. A score still typed when the input goes away (the round was
 * revealed meanwhile) is offered for writing, so the refusal is said, not silent.
 */
function OwnScore({
  label,
  value,
  disabled,
  onCommit,
}: {
  label: string;
  value: string;
  disabled: boolean;
  onCommit: (text: string, expected: string) => Promise<boolean>;
}) {
  const styles = useStyles();
  // null: not typing, the field shows the sheet's entry; `base`: the entry when typing started
  const [edit, setEditState] = useState<{ text: string; base: string } | null>(null);
  const editRef = useRef(edit);
  const setEdit = (next: { text: string; base: string } | null) => {
    editRef.current = next;
    setEditState(next);
  };
  const text = edit?.text ?? value;
  const theirs = edit !== null && value.trim() !== edit.base.trim() && value.trim() !== edit.text.trim() ? value : null;
  const saved = value !== '' && text.trim() === value.trim();
  const commit = async (base: string | undefined = editRef.current?.base) => {
    const e = editRef.current;
    if (!e || base === undefined) return;
    if (e.text.trim() === value.trim()) return setEdit(null);
    if (theirs !== null && base === e.base) return; // waiting for the user's choice
    if (await onCommit(e.text, base)) {
      if (editRef.current?.text === e.text) setEdit(null);
    } else if (editRef.current) setEdit({ ...editRef.current, base });
  };
  const latest = useRef({ onCommit, value });
  latest.current = { onCommit, value };
  useEffect(
    () => () => {
      const e = editRef.current;
      if (e && e.text.trim() !== latest.current.value.trim()) void latest.current.onCommit(e.text, e.base);
    },
    [],
  );
  return (
    <>
      <Text>{label}</Text>
      <Input
        aria-label={`Jouw score voor ${label}`}
        value={text}
        disabled={disabled}
        contentAfter={
          saved ? (
            <span role="img" aria-label="bewaard" title="Bewaard op het blad Scorerondes">
              ✓
            </span>
          ) : undefined
        }
        onChange={(_, d) => setEdit({ text: d.value, base: editRef.current?.base ?? value })}
        onBlur={() => void commit()}
        onKeyDown={(e) => e.key === 'Enter' && void commit()}
      />
      {theirs !== null && (
        <TwoVersions
          label={`Jouw score voor ${label}: twee versies`}
          className={styles.both}
          size="small"
          message={`Onder jouw naam staat intussen ${theirs ? `“${theirs}”` : 'geen score'}; jouw versie staat in het veld: “${text.trim() || '(leeg)'}”. Welke houd je?`}
          busy={disabled}
          onMine={() => void commit(value)}
          onTheirs={() => setEdit(null)}
          theirsLabel="Versie op het blad houden"
        />
      )}
    </>
  );
}

function Reveal(props: {
  cells: CellSummary[];
  who: (n: string) => string;
  anonymous: boolean;
  setAnonymous: (v: boolean) => void;
  spread: ReturnType<typeof rankSpread>;
  busy: boolean;
  storage: WorkbookSession['host']['storage'];
  ronde: number;
  onAdopt: (cell: CellSummary, value: number, why: string) => Promise<boolean>;
}) {
  const styles = useStyles();
  return (
    <>
      <Switch label="Namen verbergen" checked={props.anonymous} onChange={(_, d) => props.setAnonymous(d.checked)} />
      {props.spread.length > 0 && (
        <Text>Rang verschilt het meest tussen deelnemers bij: {props.spread.map((s) => `${s.koppelkans} (plaats ${s.best} tot ${s.worst})`).join(', ')}.</Text>
      )}
      <Text as="h3" size={400} weight="semibold">
        Bespreek eerst
      </Text>
      {props.cells.map((c) => (
        <Adopt
          key={`${c.koppelkans}|${c.factor}`}
          cell={c}
          who={props.who}
          busy={props.busy}
          storage={props.storage}
          storageKey={draftKey(`ronde.${props.ronde}.${c.koppelkans}|${c.factor}`)}
          onAdopt={props.onAdopt}
          className={styles.card}
          small={styles.small}
          row={styles.row}
        />
      ))}
    </>
  );
}

function Adopt({
  cell,
  who,
  busy,
  storage,
  storageKey,
  onAdopt,
  className,
  small,
  row,
}: {
  cell: CellSummary;
  who: (n: string) => string;
  busy: boolean;
  storage: WorkbookSession['host']['storage'];
  /** Storage key of this cell's typed group score and reason. */
  storageKey: string;
  onAdopt: (cell: CellSummary, value: number, why: string) => Promise<boolean>;
  className: string;
  small: string;
  row: string;
}) {
  const initial = cell.adopted ?? (cell.median === null ? null : Math.round(cell.median));
  // the group score and reason being typed, kept in the pane's storage until adopted or thrown away
  const { draft, restored, setDraft } = useStoredDraft(storage, storageKey, isAdoptDraft);
  const value = draft?.value ?? (initial === null ? '' : String(initial));
  const why = draft?.why ?? '';
  const setValue = (v: string) => setDraft({ value: v, why });
  const setWhy = (w: string) => setDraft({ value, why: w });
  // while this pane adopts, the cell shows as adopted before the draft is removed: that is no colleague's doing
  const [adopting, setAdopting] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const label = `${cell.koppelkans} – ${cell.factor}`;
  return (
    <section className={className} aria-label={label} data-testid="ronde-cel">
      <Text weight="semibold">{label}</Text>
      <Text block className={small}>
        mediaan {fmt(cell.median)} · spreiding {fmt(cell.lowest)} tot {fmt(cell.highest)} · {cell.count} gescoord
        {cell.invalid.length ? ` · ${cell.invalid.length} ongeldig` : ''}
        {cell.adopted !== null ? ` · vastgesteld: ${cell.adopted}` : ''}
      </Text>
      <Text block className={small}>
        {cell.scores.map((s) => `${who(s.deelnemer)}: ${fmt(s.score)}`).join(' · ')}
      </Text>
      {cell.adopted !== null && draft && !adopting && (
        <>
          <Text role="alert">
            {`Een collega heeft deze score intussen vastgesteld op ${cell.adopted}. Jouw versie is niet opgeslagen: score “${draft.value.trim() || '(leeg)'}”${
              draft.why.trim() ? `, waarom “${draft.why.trim()}”` : ''
            }. Neem wat je wilt over in een notitie.`}
          </Text>
          <Button size="small" onClick={() => setDraft(null)}>
            Tekst weggooien
          </Button>
        </>
      )}
      {cell.adopted === null && (
        <>
          <Field label={`Groepsscore voor ${label}`} validationState={invalid ? 'error' : 'none'} validationMessage={invalid ?? undefined}>
            <Input
              value={value}
              onChange={(_, d) => {
                setValue(d.value);
                setInvalid(null);
              }}
            />
          </Field>
          <Field label="Waarom (komt in de notulen)">
            <Textarea value={why} onChange={(_, d) => setWhy(d.value)} />
          </Field>
          {draft && (
            <Text size={200} role="status">
              {unsavedText(restored)}
            </Text>
          )}
          <div className={row}>
            <Button
              disabled={busy}
              onClick={() => {
                const parsed = parseScoreInput(value);
                if (!parsed.ok) return setInvalid(parsed.message);
                if (parsed.value === null) return setInvalid('Vul de score in die de groep vaststelt (een heel getal van -10 tot en met 10).');
                setAdopting(true);
                void onAdopt(cell, parsed.value, why).then((ok) => {
                  setAdopting(false);
                  if (ok) setDraft(null);
                });
              }}
            >
              Vaststellen
            </Button>
            {draft && (
              <Button
                appearance="subtle"
                onClick={() => {
                  setInvalid(null);
                  setDraft(null);
                }}
              >
                Tekst weggooien
              </Button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
