/**
 * Stap 2, row 3: the succesfactoren with weight and "waarom"; rename, reorder, remove
 * (asking first when scores would go), add. Every change is one batch through the engine
 * (factors.ts), which also moves Totalen and keeps the formulas right.
 */
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { columnLetter } from '../../core/a1';
import type { FactorInfo } from '../../core/factors';
import { formatNumber } from '../logic/scoring';
import type { WorkbookSession } from '../session';
import type { ConfirmRequest } from './ConfirmDialog';
import { usePickerStyles } from './OpgavenPicker';
import { addFactor, moveFactor, removeFactor, saveFactor } from './stap2Actions';

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

function FactorCard({ session, f, count, confirm }: { session: WorkbookSession; f: FactorInfo; count: number; confirm: (r: ConfirmRequest) => void }) {
  const styles = useStyles();
  const original = { name: f.name, weging: f.weging === null ? '' : formatNumber(f.weging), waarom: f.waarom };
  const [draft, setDraft] = useState<typeof original | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const value = draft ?? original;
  const dirty = draft !== null && (draft.name.trim() !== original.name || draft.weging.trim() !== original.weging || draft.waarom.trim() !== original.waarom);
  const busy = !!session.busy;

  const run = async (build: Parameters<WorkbookSession['applyEdit']>[0], label: string) => {
    const res = await session.applyEdit(build, label);
    setMessage(res.ok ? null : res.message);
    if (res.ok) setDraft(null);
  };
  const remove = () => {
    const go = () => void run(removeFactor(f.name, f.scores), 'Succesfactor verwijderen…');
    if (f.scores > 0) {
      confirm({
        title: `“${f.name}” verwijderen?`,
        text: `Deze succesfactor heeft ${f.scores === 1 ? '1 score' : `${f.scores} scores`}; die gaan verloren. De scores van de andere succesfactoren blijven staan.`,
        confirm: 'Verwijderen met scores',
        onConfirm: go,
      });
    } else go();
  };

  return (
    <li className={styles.factor} aria-label={`Succesfactor ${f.index + 1}: ${f.name}`}>
      <div className={styles.row}>
        <Field className={styles.grow} label={`Naam (kolom ${columnLetter(f.column)})`}>
          <Input value={value.name} onChange={(_, d) => setDraft({ ...value, name: d.value })} />
        </Field>
        <Field className={styles.weight} label="Weging">
          <Input value={value.weging} inputMode="decimal" onChange={(_, d) => setDraft({ ...value, weging: d.value })} />
        </Field>
      </div>
      <Field label="Waarom deze succesfactor" hint={!f.waarom && f.standaardWaarom ? `Standaard: ${f.standaardWaarom}` : undefined}>
        <Textarea value={value.waarom} rows={2} resize="vertical" onChange={(_, d) => setDraft({ ...value, waarom: d.value })} />
      </Field>
      {message && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <Text size={200} className={styles.meta}>
        {f.scores === 1 ? '1 score' : `${f.scores} scores`}
      </Text>
      <div className={styles.row}>
        <Button size="small" appearance="primary" disabled={!dirty || busy} onClick={() => void run(saveFactor(f.name, value), 'Succesfactor opslaan…')}>
          Opslaan
        </Button>
        <Button
          size="small"
          disabled={f.index === 0 || busy}
          aria-label={`Eerder: ${f.name}`}
          onClick={() => void run(moveFactor(f.name, -1), 'Volgorde aanpassen…')}
        >
          Eerder
        </Button>
        <Button
          size="small"
          disabled={f.index === count - 1 || busy}
          aria-label={`Later: ${f.name}`}
          onClick={() => void run(moveFactor(f.name, 1), 'Volgorde aanpassen…')}
        >
          Later
        </Button>
        <Button size="small" disabled={count <= 1 || busy} aria-label={`Verwijderen: ${f.name}`} onClick={remove}>
          Verwijderen
        </Button>
      </div>
    </li>
  );
}

export function FactorsEditor({ session, factors, confirm }: { session: WorkbookSession; factors: FactorInfo[]; confirm: (r: ConfirmRequest) => void }) {
  const picker = usePickerStyles();
  const [name, setName] = useState('');
  const [waarom, setWaarom] = useState('');
  const [weging, setWeging] = useState('1');
  const [message, setMessage] = useState<string | null>(null);
  const add = async () => {
    const res = await session.applyEdit(addFactor(name, waarom, weging), 'Succesfactor toevoegen…');
    if (!res.ok) return setMessage(res.message);
    setName('');
    setWaarom('');
    setWeging('1');
    setMessage(null);
  };
  return (
    <div className={picker.stack}>
      <Text>
        Welke factoren bepalen of de wijktransitie slaagt? Verwijder wat hier niet geldt, voeg toe wat ontbreekt. Ze staan in rij 3 van het werkblad, de weging
        in rij 4 en het waarom in rij 5.
      </Text>
      <ul className={picker.list} aria-label="Succesfactoren">
        {factors.map((f) => (
          <FactorCard key={`${f.column}:${f.name}`} session={session} f={f} count={factors.length} confirm={confirm} />
        ))}
      </ul>
      <div className={picker.form} role="group" aria-label="Succesfactor toevoegen">
        <Field label="Nieuwe succesfactor" validationState={message ? 'error' : 'none'} validationMessage={message ?? undefined}>
          <Input value={name} onChange={(_, d) => setName(d.value)} onKeyDown={(e) => e.key === 'Enter' && name.trim() && void add()} />
        </Field>
        <Field label="Waarom deze succesfactor">
          <Textarea value={waarom} rows={2} resize="vertical" onChange={(_, d) => setWaarom(d.value)} />
        </Field>
        <Field label="Weging">
          <Input value={weging} inputMode="decimal" onChange={(_, d) => setWeging(d.value)} />
        </Field>
        <Button disabled={!name.trim() || !!session.busy} onClick={() => void add()}>
          Succesfactor toevoegen
        </Button>
      </div>
    </div>
  );
}
