/**
 * Stap 1 (guide, chapter 3: "Een gedeeld verhaal van de wijk"): the wijk's name, kept in
 * the werkblad title, the guide's dromen/drempels questions and the step's conclusion
 * ("Wat is het gedeelde verhaal van deze wijk?"), the same field as in the notulist's panel.
 */
import { TwoVersions } from '../TwoVersions';
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { keepFocus } from '../keepFocus';
import { validateWijk, wijkEdit } from '../../core/wijk';
import { ConclusionField } from '../notes/ConclusionsEditor';
import type { WorkbookSession } from '../session';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '10em' },
  hint: { color: tokens.colorNeutralForeground2 },
});

export function Stap1View({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  const wijk = session.analysis?.wijk ?? '';
  // null: not typing, the field shows the workbook's name; `base`: the name when typing started
  const [edit, setEdit] = useState<{ text: string; base: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const draft = edit?.text ?? null;
  const setDraft = (text: string | null) => setEdit(text === null ? null : { text, base: edit?.base ?? wijk });
  const value = draft ?? wijk;
  const dirty = draft !== null && draft.trim() !== wijk;
  // a colleague changed the name while it was being typed: both stay visible and the user chooses
  const theirs = edit !== null && wijk !== edit.base ? wijk : null;
  const conclusion = session.notes.conclusions.find((c) => c.stap === 'Stap 1');

  if (!session.analysis?.werkblad) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Er is nog geen werkblad. Maak eerst de indeling aan op Start.</MessageBarBody>
      </MessageBar>
    );
  }

  /** Saves the typed name, guarded by `base` (the name it was typed over); `base` is the colleague's name once the user chose to overwrite it. */
  const save = async (base: string | undefined = edit?.base) => {
    if (!edit || base === undefined) return;
    if (!dirty && base === wijk) return setEdit(null);
    const invalid = validateWijk(edit.text);
    if (invalid) return setMessage(invalid);
    const typed = edit.text;
    // "Naam opslaan" is disabled once saved: the keyboard focus goes back to the name field
    await keepFocus(
      async () => {
        const res = await session.applyEdit((fresh) => wijkEdit(fresh.snapshot, typed, base), 'Naam van de wijk opslaan…');
        if (!res.ok) {
          // the typed name stays; the colleague's version shows beside it (theirs) after the re-read
          setEdit({ text: typed, base });
          return setMessage(res.message);
        }
        setEdit(null);
        setMessage(null);
        setSaved(true);
      },
      () => field.current,
    );
  };

  return (
    <div className={styles.stack}>
      <Text as="h2" size={500} weight="semibold">
        Stap 1: een gedeeld verhaal van de wijk
      </Text>
      <Text className={styles.hint}>
        Droom eerst over wat jullie in de wijk willen zien, benoem daarna de drempels. De notulist legt het gedeelde verhaal vast.
      </Text>
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label="Naam van de wijk"
          hint="Staat in de titel van het werkblad, op Resultaat en in de onderbouwing."
          validationState={message && theirs === null ? 'error' : saved && !dirty ? 'success' : 'none'}
          validationMessage={(theirs === null ? message : null) ?? (saved && !dirty ? 'Opgeslagen in de werkmap.' : undefined)}
        >
          <Input
            ref={field}
            value={value}
            placeholder="bijvoorbeeld Lelystad Oost"
            onChange={(_, d) => {
              setDraft(d.value);
              setMessage(null);
              setSaved(false);
            }}
            onBlur={() => {
              // leaving the field writes the name (nothing typed waits for a button); a conflict waits for the choice
              if (dirty && theirs === null && !validateWijk(edit?.text ?? '')) void save();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void save();
              } else if (e.key === 'Escape' && dirty) {
                e.preventDefault();
                setDraft(null);
              }
            }}
          />
        </Field>
        {theirs === null && (
          <Button appearance="primary" disabled={!dirty || !!session.busy} onClick={() => void save()}>
            Naam opslaan
          </Button>
        )}
      </div>
      {theirs !== null && (
        <TwoVersions
          label="Naam van de wijk: twee versies"
          message={`Een collega heeft de naam van de wijk intussen veranderd in “${theirs || '(leeg)'}”. Jouw versie staat in het veld: “${edit?.text.trim() ?? ''}”. Welke houd je?`}
          busy={!!session.busy}
          focusAfter={() => field.current}
          onMine={() => void save(wijk)}
          onTheirs={() => {
            setEdit(null);
            setMessage(null);
          }}
        />
      )}
      {conclusion && (
        <section aria-label="Conclusie Stap 1">
          <ConclusionField session={session} conclusion={conclusion} />
        </section>
      )}
    </div>
  );
}
