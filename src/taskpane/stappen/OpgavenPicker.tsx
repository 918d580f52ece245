/** Stap 2, tabel B: the opgaven of the longlist with their toelichting, selectable; an own opgave. */
import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, Textarea, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { describeLoss, deselectOpgaveEdit, stap2Context, TEAM_TEXT_GOES, validateName, type Stap2Model } from '../../core/stap2';
import type { WorkbookSession } from '../session';
import type { ConfirmRequest } from './ConfirmDialog';
import { addOwnOpgave, deselectCommentLines, deselectCommentsText, deselectOpgave, PICK_READ, selectOpgave, snapshotWithComments } from './stap2Actions';
import { draftKey, hasStrings, isRecord } from '../logic/drafts';
import { unsavedText, useStoredDraft } from '../useStoredDraft';
import { byData, keepFocus } from '../keepFocus';

interface OwnOpgave {
  name: string;
  toelichting: string;
}
/** Storage key of the own opgave being typed. */
const OWN_OPGAVE_DRAFT = draftKey('eigenOpgave');
const isOwnOpgave = (v: unknown): v is OwnOpgave => isRecord(v) && hasStrings(v, ['name', 'toelichting']);

export const usePickerStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexDirection: 'column' },
  toelichting: { color: tokens.colorNeutralForeground2, paddingInlineStart: '32px' },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function OpgavenPicker({ session, model, confirm }: { session: WorkbookSession; model: Stap2Model; confirm: (r: ConfirmRequest) => void }) {
  const styles = usePickerStyles();
  // element ids come from React and the row's place, never from the name: "Wonen*" and "Wonen?" are two opgaven
  const idPrefix = useId();
  // the own opgave being typed, kept in the pane's storage until added or thrown away
  const { draft, restored, setDraft } = useStoredDraft(session.host.storage, OWN_OPGAVE_DRAFT, isOwnOpgave);
  const name = draft?.name ?? '';
  const toelichting = draft?.toelichting ?? '';
  const edit = (patch: Partial<OwnOpgave>) => {
    const next = { name, toelichting, ...patch };
    setDraft(next.name || next.toelichting ? next : null);
  };
  // a colleague added an opgave of this name meanwhile: say so instead of failing only on "toevoegen"
  const existing = name.trim() ? model.opgaven.find((o) => o.opgave.trim().toLowerCase() === name.trim().toLowerCase()) : undefined;
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const selected = model.opgaven.filter((o) => o.rows.length).length;
  const list = useRef<HTMLUListElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  /** The opgave's checkbox: where the keyboard focus returns when a write dropped it (the box is disabled while the pane writes). */
  const boxOf = (opgave: string) => () => byData(list.current, 'input[data-opgave]', 'opgave', opgave);

  const toggle = async (opgave: string, checked: boolean) => {
    setError(null);
    if (checked) {
      const res = await keepFocus(() => session.applyEdit(selectOpgave(opgave), 'Opgave kiezen…', PICK_READ), boxOf(opgave));
      if (!res.ok) setError(res.message);
      return;
    }
    if (!session.analysis) return;
    // the cell comments and notes too (read for the question when the pane's last read has none): those on the rows stay there
    const snapshot = await snapshotWithComments(session);
    if (!snapshot) {
      setError('De opmerkingen in de cellen van de werkmap konden niet worden gelezen; er is niets weggehaald. Probeer het opnieuw.');
      return;
    }
    const ctx = stap2Context(snapshot, session.analysis, session.notes);
    const res = !('message' in ctx) ? deselectOpgaveEdit(ctx, opgave) : null;
    const loss = res && res.ok && res.loss ? res.loss : { scores: 0, notes: 0 };
    const go = async () => {
      const out = await keepFocus(() => session.applyEdit(deselectOpgave(opgave, loss), 'Opgave weghalen…', { definitions: true }), boxOf(opgave));
      if (!out.ok) setError(out.message);
    };
    const lost = describeLoss(loss);
    if (lost || loss.comments?.length) {
      confirm({
        title: `“${opgave}” weghalen?`,
        text: [
          `Op het werkblad gaan dan de koppelkansen van deze opgave weg${lost ? `, met ${lost}` : ''}${loss.notes ? ' (de notities blijven op Notulen staan, maar horen dan niet meer bij een gekozen koppelkans)' : ''}.${loss.team?.length ? ` ${TEAM_TEXT_GOES}` : ''}`,
          ...deselectCommentsText(loss),
        ].join(' '),
        list: deselectCommentLines(loss),
        confirm: 'Toch weghalen',
        onConfirm: () => void go(),
      });
    } else await go();
  };

  const add = async () => {
    const invalid = validateName(name, 'opgave');
    if (invalid) return setMessage(invalid);
    // the button is disabled once the form is empty again: the keyboard focus goes back to the name field
    await keepFocus(
      async () => {
        const res = await session.applyEdit(addOwnOpgave(name, toelichting), 'Eigen opgave toevoegen…', PICK_READ);
        if (!res.ok) return setMessage(res.message);
        setDraft(null);
        setMessage(null);
      },
      () => nameField.current,
    );
  };

  return (
    <div className={styles.stack}>
      <Text>Kies de opgaven die naar voren komen als gezamenlijk gedragen en die jullie verder willen verkennen ({selected} gekozen).</Text>
      {error && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <ul ref={list} className={styles.list} aria-label="Opgaven">
        {model.opgaven.map((o, i) => {
          const id = `${idPrefix}opgave-${i}`;
          return (
            <li key={o.opgave} className={styles.item}>
              <Checkbox
                label={o.own ? `${o.opgave} (eigen)` : o.opgave}
                checked={o.rows.length > 0}
                disabled={!!session.busy}
                data-opgave={o.opgave}
                aria-describedby={o.toelichting ? `${id}-t` : undefined}
                onChange={(_, d) => void toggle(o.opgave, !!d.checked)}
              />
              {o.toelichting && (
                <Text size={200} id={`${id}-t`} className={styles.toelichting}>
                  {o.toelichting}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
      <div className={styles.form} role="group" aria-label="Eigen opgave toevoegen">
        <Field label="Eigen opgave" validationState={message ? 'error' : 'none'} validationMessage={message ?? undefined}>
          <Input ref={nameField} value={name} onChange={(_, d) => edit({ name: d.value })} onKeyDown={(e) => e.key === 'Enter' && void add()} />
        </Field>
        <Field label="Toelichting bij de opgave">
          <Textarea value={toelichting} rows={2} resize="vertical" onChange={(_, d) => edit({ toelichting: d.value })} />
        </Field>
        {draft && (
          <Text size={200} role="status">
            {unsavedText(restored)}
          </Text>
        )}
        {existing && (
          <Text size={200} role="alert">
            {`De opgave “${existing.opgave}” staat al op de longlist${existing.rows.length ? ' en is gekozen' : ''}. Kies hem in de lijst hierboven, of geef je opgave een andere naam.`}
          </Text>
        )}
        <div className={styles.buttons}>
          <Button disabled={!name.trim() || !!session.busy} onClick={() => void add()}>
            Opgave toevoegen
          </Button>
          {draft && (
            <Button
              appearance="subtle"
              onClick={() => {
                // the button goes with the text: the keyboard focus goes back to the name field
                nameField.current?.focus();
                setDraft(null);
                setMessage(null);
              }}
            >
              Tekst weggooien
            </Button>
          )}
        </div>
        <Text size={200}>De opgave komt onderaan het blad met de longlist, zodat ook de keuzelijsten in de cellen hem tonen.</Text>
      </div>
    </div>
  );
}
