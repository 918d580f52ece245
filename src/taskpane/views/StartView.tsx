/** Start: what the add-in found in the workbook, and the buttons that prepare or create it. */
import { Button, Field, Input, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Analysis } from '../../core/analyze';
import { SHEET_NAMES, type SheetRole } from '../../core/layout';
import type { WorkbookSession } from '../session';
import type { ViewId } from './viewIds';
import { fullyScored, scorableRows } from '../logic/scoring';

/**
 * What Start counts in an analysis: koppelkansen, those fully scored, errors and warnings.
 * Counted once per analysis (Start stays mounted behind the other views and renders on every
 * write; at 5,000 rows each count is a pass over thousands of rows or problems).
 */
function countsOf(a: Analysis | null): { koppelkansen: number; complete: number; errors: number; warnings: number } {
  const rows = scorableRows(a?.werkblad);
  let errors = 0;
  let warnings = 0;
  for (const p of a?.problems ?? []) {
    if (p.severity === 'error') errors++;
    else if (p.severity === 'warning') warnings++;
  }
  return { koppelkansen: rows.length, complete: fullyScored(rows), errors, warnings };
}

const PARTS: { role: SheetRole; label: string }[] = [
  { role: 'werkblad', label: 'Werkblad (stap 2 en 3)' },
  { role: 'longlist', label: 'Longlist opgaven en koppelkansen' },
  { role: 'resultaat', label: 'Resultaat (top 15)' },
  { role: 'prioritering', label: 'Prioritering' },
  { role: 'checklist', label: 'WUP checklist' },
  { role: 'notulen', label: 'Notulen' },
];

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  parts: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  part: { display: 'flex', flexDirection: 'column' },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
  found: { color: tokens.colorNeutralForeground2 },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: tokens.spacingHorizontalS },
  figure: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  big: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function StartView({ session, go }: { session: WorkbookSession; go: (v: ViewId) => void }) {
  const styles = useStyles();
  const [wijk, setWijk] = useState('');
  const a = session.analysis;
  const counts = useMemo(() => countsOf(a), [a]);
  if (!a) return null;

  if (a.kind === 'empty') {
    return (
      <div className={styles.stack}>
        <Text as="h2" size={500} weight="semibold">
          Lege werkmap
        </Text>
        <Text>
          Deze werkmap is nog leeg. Maak de indeling van Koppelkansen Kiezen aan: het werkblad met de succesfactoren, de longlist, Resultaat, Prioritering, de
          WUP checklist en de Notulen.
        </Text>
        <Field label="Naam van de wijk (mag leeg blijven)">
          <Input value={wijk} onChange={(_, d) => setWijk(d.value)} placeholder="bijvoorbeeld Lelystad Oost" />
        </Field>
        <div>
          <Button appearance="primary" disabled={!!session.busy} onClick={() => void session.createLayout(wijk.trim() || undefined)}>
            Koppelkansen-indeling aanmaken
          </Button>
        </div>
      </div>
    );
  }

  if (a.kind === 'not-koppelkansen') {
    return (
      <div className={styles.stack}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Geen Koppelkansen Kiezen-werkmap</MessageBarTitle>
            {a.problems[0]?.message}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  const { errors, warnings } = counts;
  const koppelkansen = counts.koppelkansen;
  return (
    <div className={styles.stack}>
      <Text as="h2" size={500} weight="semibold">
        Gevonden in deze werkmap
      </Text>
      <ul className={styles.parts} aria-label="Onderdelen van de werkmap">
        {PARTS.map(({ role, label }) => {
          const name = a.sheets[role];
          return (
            <li key={role} className={styles.part}>
              <Text weight="semibold">{label}</Text>
              {name ? (
                <Text size={200} className={styles.found}>
                  blad “{name}”
                </Text>
              ) : (
                <Text size={200} className={styles.missing}>
                  {role === 'longlist' ? 'ontbreekt: de standaard-longlist wordt gebruikt' : `ontbreekt: komt er bij het voorbereiden (“${SHEET_NAMES[role]}”)`}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
      <div className={styles.figures}>
        <div className={styles.figure}>
          <span className={styles.big}>{a.werkblad?.factors.length ?? 0}</span>
          <Text size={200}>succesfactoren</Text>
        </div>
        <div className={styles.figure}>
          <span className={styles.big} data-testid="count-koppelkansen">
            {koppelkansen}
          </span>
          <Text size={200}>koppelkansen</Text>
        </div>
        <div className={styles.figure}>
          <span className={styles.big}>{counts.complete}</span>
          <Text size={200}>volledig gescoord</Text>
        </div>
      </div>
      {(errors > 0 || warnings > 0) && (
        <MessageBar intent={errors ? 'error' : 'warning'}>
          <MessageBarBody>
            {errors > 0 ? `${errors} ${errors === 1 ? 'fout' : 'fouten'}` : ''}
            {errors > 0 && warnings > 0 ? ' en ' : ''}
            {warnings > 0 ? `${warnings} ${warnings === 1 ? 'aandachtspunt' : 'aandachtspunten'}` : ''} gevonden.{' '}
            <Button appearance="transparent" size="small" onClick={() => go('controle')}>
              Naar Controle
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <Text>
        “Werkmap voorbereiden” zet de keuzelijsten, de controle op scores, de totalen en de ontbrekende bladen klaar. Wat het team zelf heeft ingevuld blijft
        staan.
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={!!session.busy} onClick={() => void session.prepare()}>
          Werkmap voorbereiden
        </Button>
        <Button onClick={() => go(koppelkansen === 0 ? 'stap1' : 'stap2')}>{koppelkansen === 0 ? 'Naar Stap 1' : 'Naar Stap 2'}</Button>
        <Button disabled={koppelkansen === 0} onClick={() => go('scoren')}>
          Naar Scoren
        </Button>
      </div>
      <Text size={200}>
        Deze invoegtoepassing verstuurt niets; alles staat in de werkmap.{' '}
        <Link inline href="privacy.html" target="_blank" rel="noopener">
          Privacyverklaring
        </Link>
      </Text>
    </div>
  );
}
