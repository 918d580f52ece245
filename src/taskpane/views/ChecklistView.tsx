/**
 * WUP checklist: the basiselementen grouped by part with a status each (To do, Bezig,
 * Klaar), progress per part and overall, and the overstap date with the 8-year rule.
 */
import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { STATUSES, type ChecklistItem, type ChecklistStatus } from '../../core/checklist';
import { checklistDateEdit, checklistStatusEdit } from '../../core/edits';
import { CHECKLIST } from '../../core/layout';
import type { CellValue } from '../../core/snapshot';
import type { WorkbookSession } from '../session';
import type { ViewId } from './viewIds';
import { isoToDutch, serialToIso } from '../logic/dates';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, border: 'none' },
  items: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'grid', gridTemplateColumns: '1fr 8.5em', alignItems: 'center', gap: tokens.spacingHorizontalS },
  status: { minWidth: '0', width: '100%' },
  date: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

function groups(items: ChecklistItem[]): [string, ChecklistItem[]][] {
  const m = new Map<string, ChecklistItem[]>();
  for (const it of items) m.set(it.onderdeel, [...(m.get(it.onderdeel) ?? []), it]);
  return [...m];
}

export function ChecklistView({ session, go }: { session: WorkbookSession; go: (v: ViewId) => void }) {
  const styles = useStyles();
  const state = session.analysis?.checklist ?? null;
  const stored = serialToIso(state?.overstapSerial ?? null, state?.date1904);
  // what is being typed and what the cell held when typing started (null: not typing, follow the workbook)
  const [typed, setTyped] = useState<{ value: string; base: string; baseRead: CellValue | undefined } | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const date = typed?.value ?? stored;

  if (!state) {
    return (
      <div className={styles.stack}>
        <MessageBar intent="info">
          <MessageBarBody>Er is nog geen blad “WUP checklist”. “Werkmap voorbereiden” maakt het aan.</MessageBarBody>
        </MessageBar>
        <div>
          <Button appearance="primary" disabled={!!session.busy || session.analysis?.kind !== 'koppelkansen'} onClick={() => void session.prepare()}>
            Werkmap voorbereiden
          </Button>{' '}
          <Button onClick={() => go('start')}>Naar Start</Button>
        </div>
      </div>
    );
  }

  const setStatus = (row: number, status: ChecklistStatus) => {
    const edit = checklistStatusEdit(state, row, status);
    if (edit.ok) void session.applyOps(edit.ops, 'Status opslaan…');
  };
  const commitDate = async () => {
    if (!typed) return;
    if (typed.value === typed.base && typed.base === stored) {
      setTyped(null);
      return;
    }
    // guarded by the cell as it was when typing started: a colleague's date is not overwritten unasked
    const edit = checklistDateEdit({ ...state, overstapRead: typed.baseRead }, typed.value);
    if (!edit.ok) {
      setDateError(edit.message);
      return;
    }
    setDateError(null);
    if (await session.applyOps(edit.ops, 'Datum opslaan…')) setTyped(null);
  };
  // a colleague changed the date while it was being typed: both stay visible
  const theirs = typed !== null && stored !== typed.base ? stored : null;
  const pct = (klaar: number, total: number) => (total ? klaar / total : 0);
  const o = state.overall;

  return (
    <div className={styles.stack}>
      <Text as="h2" size={500} weight="semibold">
        WUP checklist
      </Text>
      <Field label={`Totaal: ${o.klaar} van ${o.total} klaar, ${o.bezig} bezig`}>
        <ProgressBar value={pct(o.klaar, o.total)} thickness="large" />
      </Field>

      <div className={styles.date}>
        <Field
          label={CHECKLIST.dateLabel}
          validationState={dateError ? 'error' : 'none'}
          validationMessage={dateError ?? undefined}
          hint={stored ? `Nu in de werkmap: ${isoToDutch(stored)}` : 'Nog niet ingevuld'}
        >
          <Input
            type="date"
            value={date}
            onChange={(_, d) => setTyped({ value: d.value, base: typed?.base ?? stored, baseRead: typed ? typed.baseRead : state.overstapRead })}
            onBlur={() => void commitDate()}
            onKeyDown={(e) => e.key === 'Enter' && void commitDate()}
          />
        </Field>
        {theirs !== null && (
          <Text size={200} role="alert">
            Een collega heeft de datum intussen veranderd{theirs ? ` in ${isoToDutch(theirs)}` : ' (leeggemaakt)'}. Je eigen datum staat in het veld; bij
            opslaan vraagt de invoegtoepassing welke je houdt.
          </Text>
        )}
      </div>
      {state.deadlineYear !== null && (
        <MessageBar intent={state.late ? 'warning' : 'info'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{state.late ? 'Te laat' : `WUP uiterlijk vastgesteld in ${state.deadlineYear}`}</MessageBarTitle>
            De overstap van de laatste woning is in {state.overstapYear}. De WUP moet minstens {CHECKLIST.yearsAhead} jaar vooraf zijn vastgesteld: uiterlijk in{' '}
            {state.deadlineYear}.{state.late ? ' Dat jaar is al voorbij: plan de overstap later of stel de WUP zo snel mogelijk vast.' : ''}
          </MessageBarBody>
        </MessageBar>
      )}

      {groups(state.items).map(([onderdeel, items]) => {
        const p = state.progress.find((x) => x.onderdeel === onderdeel);
        return (
          <fieldset key={onderdeel} className={styles.part}>
            <legend>
              <Text as="h3" size={400} weight="semibold">
                {onderdeel || 'Overig'}
              </Text>
            </legend>
            {p && (
              <Field label={`${p.klaar} van ${p.total} klaar${p.bezig ? `, ${p.bezig} bezig` : ''}`}>
                <ProgressBar value={pct(p.klaar, p.total)} color={p.klaar === p.total ? 'success' : 'brand'} />
              </Field>
            )}
            <ul className={styles.items}>
              {items.map((it) => (
                <li key={it.row} className={styles.item}>
                  <Text id={`wup-item-${it.row}`}>{it.item}</Text>
                  <Dropdown
                    className={styles.status}
                    aria-labelledby={`wup-item-${it.row}`}
                    placeholder="Kies status"
                    value={it.status ?? ''}
                    selectedOptions={it.status ? [it.status] : []}
                    onOptionSelect={(_, d) => d.optionValue && d.optionValue !== it.status && setStatus(it.row, d.optionValue as ChecklistStatus)}
                    size="small"
                  >
                    {STATUSES.map((s) => (
                      <Option key={s} value={s}>
                        {s}
                      </Option>
                    ))}
                  </Dropdown>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
