/**
 * "Leg conclusie vast": the conclusion of each step under the guide's question, in its
 * own labelled cell on the Notulen sheet. The step under discussion is open; a
 * conclusion follows the workbook until someone starts typing in it. What is typed but
 * not yet saved is kept on this computer (../useStoredDraft) and comes back, marked
 * "Nog niet opgeslagen", after a reload or a closed pane.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { keepFocus } from '../keepFocus';
import { draftKey, hasStrings, isRecord, readDraft } from '../logic/drafts';
import { useStoredDraft } from '../useStoredDraft';
import { conclusionEdit, type Conclusion } from '../../core/notes';
import type { WorkbookSession } from '../session';
import { isSaveShortcut } from './notesLogic';
import { Stap1Prompts } from '../stappen/Stap1Prompts';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  question: { fontStyle: 'italic' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  status: { color: tokens.colorNeutralForeground3 },
});

/** A conclusion being typed: the text and the conclusion as it was when typing started (what the guarded write expects). */
interface ConclusionDraft {
  text: string;
  base: string;
}

const isConclusionDraft = (v: unknown): v is ConclusionDraft => isRecord(v) && hasStrings(v, ['text', 'base']);

/** The storage key of a step's conclusion draft. */
const conclusionDraftKey = (stap: string): string => draftKey(`conclusie.${stap}`);

/** One step's conclusion under the guide's question (Stap 1 also shows the guide's prompts). */
export function ConclusionField({ session, conclusion }: { session: WorkbookSession; conclusion: Conclusion }) {
  const styles = useStyles();
  // null: not editing, the field shows what the workbook holds; `base`: the conclusion when typing started
  const { draft: edit, setDraft: setEdit, restored } = useStoredDraft(session.host.storage, conclusionDraftKey(conclusion.stap), isConclusionDraft);
  const [message, setMessage] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const draft = edit?.text ?? null;
  const setDraft = (text: string | null) => setEdit(text === null ? null : { text, base: edit?.base ?? conclusion.text });
  const value = draft ?? conclusion.text;
  const dirty = draft !== null && draft !== conclusion.text;
  // a colleague changed the conclusion while the notulist was typing: both versions stay visible
  const theirs = edit !== null && conclusion.text !== edit.base ? conclusion.text : null;

  const save = async () => {
    if (!dirty || !edit) return setDraft(null);
    // guarded by what the notulist started from: a colleague's version is never overwritten unasked
    const res = conclusionEdit(session.notes, conclusion.stap, edit.text, edit.base);
    if (!res.ok) return setMessage(res.message);
    // "Conclusie opslaan" is disabled once saved: the keyboard focus goes back to the conclusion
    await keepFocus(
      async () => {
        if (await session.applyOps(res.ops, 'Conclusie opslaan…')) {
          setDraft(null);
          setMessage(null);
        }
      },
      () => field.current,
    );
  };

  return (
    <div className={styles.panel}>
      <Text className={styles.question}>{conclusion.vraag}</Text>
      {conclusion.stap === 'Stap 1' && <Stap1Prompts wijk={session.analysis?.wijk ?? ''} />}
      <Field label={`Conclusie ${conclusion.stap}`} validationState={message ? 'error' : 'none'} validationMessage={message ?? undefined}>
        <Textarea
          ref={field}
          value={value}
          resize="vertical"
          rows={3}
          disabled={session.notes.sheet === null}
          onChange={(_, d) => {
            setDraft(d.value);
            setMessage(null);
          }}
          onKeyDown={(e) => {
            if (isSaveShortcut(e)) {
              e.preventDefault();
              void save();
            } else if (e.key === 'Escape' && dirty) {
              e.preventDefault();
              setDraft(null);
            }
          }}
        />
      </Field>
      {theirs !== null && (
        <Text size={200} role="alert">
          Een collega heeft deze conclusie intussen aangepast{theirs ? `: “${theirs}”` : ' (leeggemaakt)'}. Je eigen tekst staat hierboven; bij opslaan vraagt
          de invoegtoepassing welke versie je houdt.
        </Text>
      )}
      <div className={styles.row}>
        <Button size="small" appearance="primary" disabled={!dirty || !!session.busy} onClick={() => void save()}>
          Conclusie opslaan
        </Button>
        {dirty ? (
          <>
            <Button size="small" onClick={() => setDraft(null)}>
              Ongedaan maken
            </Button>
            <Text size={200} className={styles.status}>
              {restored ? 'Nog niet opgeslagen (bewaard op deze computer)' : 'Nog niet opgeslagen'}
            </Text>
          </>
        ) : (
          <Text size={200} className={styles.status}>
            {conclusion.text ? `Staat in ${session.notes.sheet ?? 'Notulen'}` : 'Nog niet vastgelegd'}
          </Text>
        )}
      </div>
    </div>
  );
}

export function ConclusionsEditor({ session, currentStep }: { session: WorkbookSession; currentStep: string }) {
  // the step under discussion is open, and so is every step with a conclusion typed but not yet saved
  const [open, setOpen] = useState<string[]>(() => [
    currentStep,
    ...session.notes.conclusions
      .map((c) => c.stap)
      .filter((stap) => stap !== currentStep && readDraft(session.host.storage, conclusionDraftKey(stap), isConclusionDraft) !== null),
  ]);
  // the step under discussion opens by itself; others stay as the notulist left them
  useEffect(() => setOpen((o) => (o.includes(currentStep) ? o : [...o, currentStep])), [currentStep]);
  return (
    <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems.map(String))}>
      {session.notes.conclusions.map((c) => (
        <AccordionItem key={c.stap} value={c.stap}>
          <AccordionHeader size="small">
            {c.stap}: leg conclusie vast{c.text ? ' ✓' : ''}
          </AccordionHeader>
          <AccordionPanel>
            <ConclusionField session={session} conclusion={c} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
