/**
 * Stap 1 (guide, chapter 3: "Een gedeeld verhaal van de wijk"): the wijk's name, kept in
 * the werkblad title, the guide's dromen/drempels questions and the step's conclusion
 * ("Wat is het gedeelde verhaal van deze wijk?"), the same field as in the notulist's panel.
 */
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
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
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const value = draft ?? wijk;
  const dirty = draft !== null && draft.trim() !== wijk;
  const conclusion = session.notes.conclusions.find((c) => c.stap === 'Stap 1');

  if (!session.analysis?.werkblad) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Er is nog geen werkblad. Maak eerst de indeling aan op Start.</MessageBarBody>
      </MessageBar>
    );
  }

  const save = async () => {
    if (!dirty || draft === null) return;
    const invalid = validateWijk(draft);
    if (invalid) return setMessage(invalid);
    const res = await session.applyEdit((fresh) => wijkEdit(fresh.snapshot, draft), 'Naam van de wijk opslaan…');
    if (!res.ok) return setMessage(res.message);
    setDraft(null);
    setMessage(null);
    setSaved(true);
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
          validationState={message ? 'error' : saved && !dirty ? 'success' : 'none'}
          validationMessage={message ?? (saved && !dirty ? 'Opgeslagen in de werkmap.' : undefined)}
        >
          <Input
            value={value}
            placeholder="bijvoorbeeld Lelystad Oost"
            onChange={(_, d) => {
              setDraft(d.value);
              setMessage(null);
              setSaved(false);
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
        <Button appearance="primary" disabled={!dirty || !!session.busy} onClick={() => void save()}>
          Naam opslaan
        </Button>
      </div>
      {conclusion && (
        <section aria-label="Conclusie Stap 1">
          <ConclusionField session={session} conclusion={conclusion} />
        </section>
      )}
    </div>
  );
}
