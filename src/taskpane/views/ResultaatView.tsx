/**
 * Resultaat (stap 4): the automatic top 15 (ties share a rank), "Resultaat bijwerken",
 * and what-if weights: sliders that preview what enters, leaves or moves in the top 15
 * without writing, until "Wegingen toepassen".
 */
import { nameKey } from '../../core/names';
import {
  Badge,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Slider,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { weightsEdit, whatIf } from '../../core/edits';
import { chartAltText, topChartBars } from '../../core/topChart';
import { resultaatChartOps } from '../../core/resultaatChart';
import { TopChart } from './TopChart';
import { RESULTAAT, sameName, WERKBLAD } from '../../core/layout';
import { valueAt } from '../../core/grid';
import type { RankEntry } from '../../core/ranking';
import type { WorkbookSession } from '../session';
import { formatNumber } from '../logic/scoring';
import { formatDutchDate } from '../logic/dates';
import { GevoeligheidPanel } from './GevoeligheidPanel';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  rank: { width: '3.5em' },
  total: { width: '4.5em', '& > div, & > button': { justifyContent: 'flex-end' }, textAlign: 'right' },
  num: { textAlign: 'right' },
  sliders: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  left: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  opgave: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, display: 'block' },
});

export function ResultaatView({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  const a = session.analysis;
  const werkblad = a?.werkblad ?? null;
  const factors = werkblad?.factors ?? [];
  const baselineKey = JSON.stringify(factors.map((f) => [f.name, f.weging]));
  const [weights, setWeights] = useState<number[]>(() => factors.map((f) => f.weging ?? 1));
  // new weights in the workbook reset the what-if sliders (adjusting state while rendering,
  // as React's "You might not need an effect" describes)
  const [weightsFor, setWeightsFor] = useState(baselineKey);
  if (weightsFor !== baselineKey) {
    setWeightsFor(baselineKey);
    setWeights(factors.map((f) => f.weging ?? 1));
  }
  const [chartMessage, setChartMessage] = useState<string | null>(null);

  const changed = weights.length === factors.length && weights.some((w, i) => w !== factors[i].weging);
  const preview = useMemo(() => (werkblad && a && changed ? whatIf(werkblad, a.ranking, weights, RESULTAAT.topN) : null), [werkblad, a, changed, weights]);

  if (!a || !werkblad) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Er is nog geen werkblad. Ga naar Start om de werkmap voor te bereiden.</MessageBarBody>
      </MessageBar>
    );
  }

  const top: RankEntry[] = preview ? preview.top : a.top;
  // the team's place of each koppelkans (Prioritering), for the chart's marks
  const places = new Map<string, number>();
  for (const e of a.prioritering?.entries ?? []) {
    const k = nameKey(e.koppelkans);
    if (k && !places.has(k)) places.set(k, e.place);
  }
  const placeOf = (k: string) => places.get(nameKey(k)) ?? null;
  const before = new Map(a.top.map((e) => [e.row, e.rank]));
  const entering = new Set(preview?.entering.map((e) => e.row) ?? []);
  const drawChart = async () => {
    if (!session.snapshot) return;
    // the chart's date: today on the Dutch clock, "30-11-2026"
    const res = resultaatChartOps(session.snapshot, a, formatDutchDate(new Date(), { clock: 'nl' }));
    if (!res.ok) return setChartMessage(res.message);
    if (await session.applyOps(res.ops, 'Grafiek maken…'))
      setChartMessage('De grafiek staat op het blad Resultaat. Zet hem opnieuw als het team de keuze verandert.');
  };
  const apply = async () => {
    // only the weights moved, each guarded by the cell as last read: a colleague's weight meanwhile is asked about, not overwritten
    const sheet = session.snapshot?.sheets.find((s) => sameName(s.name, werkblad.layout.sheet));
    const edit = weightsEdit(
      werkblad,
      weights,
      werkblad.factors.map((f) => (sheet ? valueAt(sheet, WERKBLAD.weightRow, f.column) : null)),
    );
    if (edit.ok) await session.applyOps(edit.ops, 'Wegingen toepassen…');
  };

  return (
    <div className={styles.stack}>
      <div className={styles.head}>
        <Text as="h2" size={500} weight="semibold">
          {`${preview ? 'Top 15 met de nieuwe wegingen (voorbeeld)' : 'Top 15'}${a.wijk ? ` – ${a.wijk}` : ''}`}
        </Text>
        <Button appearance="primary" disabled={!!session.busy} onClick={() => void session.prepare()}>
          Resultaat bijwerken
        </Button>
      </div>
      {top.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>Nog geen koppelkans heeft een totaal. Scoor eerst een of meer koppelkansen.</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <TopChart
            bars={topChartBars(top, placeOf)}
            title={preview ? 'Grafiek: top 15 met de nieuwe wegingen' : 'Grafiek: automatische top 15'}
            description={chartAltText(top, placeOf, '')}
          />
          <Table size="small" aria-label={preview ? 'Top 15 met de nieuwe wegingen' : 'Automatische top 15'}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.rank}>Rang</TableHeaderCell>
                <TableHeaderCell>Koppelkans</TableHeaderCell>
                <TableHeaderCell className={styles.total}>Totaal</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {top.map((e) => {
                const was = before.get(e.row);
                return (
                  <TableRow key={e.row} data-testid="top-row">
                    <TableCell>{e.rank}</TableCell>
                    <TableCell>
                      {e.koppelkans}{' '}
                      {preview && entering.has(e.row) && (
                        <Badge appearance="tint" color="success">
                          nieuw
                        </Badge>
                      )}
                      {preview && was !== undefined && was !== e.rank && (
                        <Badge appearance="tint" color={e.rank < was ? 'success' : 'warning'}>
                          {e.rank < was ? '↑' : '↓'} was {was}
                        </Badge>
                      )}
                      <span className={styles.opgave}>
                        {e.opgave || 'geen opgave'} · {e.scored} van {e.factors} gescoord
                      </span>
                    </TableCell>
                    <TableCell className={styles.num}>{formatNumber(e.total)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}
      {preview && preview.leaving.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Valt uit de top 15:
            <ul className={styles.left}>
              {preview.leaving.map((e) => (
                <li key={e.row}>
                  {e.koppelkans} (was {e.rank})
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {a.ranking.length > 0 && <GevoeligheidPanel werkblad={werkblad} />}
      {top.length > 0 && !preview && (
        <div className={styles.buttons}>
          {session.port.canDrawCharts ? (
            <Button disabled={!!session.busy} onClick={() => void drawChart()}>
              Grafiek op het blad Resultaat zetten
            </Button>
          ) : (
            <Text size={200}>
              Een Excel-grafiek op het blad Resultaat kan alleen de invoegtoepassing in Excel maken; een bestand dat hier wordt opgeslagen kan geen grafiek
              bevatten. De grafiek staat wel hierboven en in de onderbouwing.
            </Text>
          )}
          {chartMessage && <Text size={200}>{chartMessage}</Text>}
        </div>
      )}
      <Text as="h3" size={400} weight="semibold">
        Wat als de wegingen anders zijn?
      </Text>
      <Text size={200}>
        Schuif een weging om te zien wat er in de top 15 verandert. Er wordt niets opgeslagen tot je op “Wegingen toepassen” klikt; dan komen de wegingen in rij
        4 van het werkblad.
      </Text>
      <div className={styles.sliders}>
        {factors.map((f, i) => (
          <Field
            key={f.column}
            label={`${f.name}: ${formatNumber(weights[i] ?? 0)}${f.weging !== weights[i] ? ` (nu ${f.weging === null ? 'ongeldig' : formatNumber(f.weging)})` : ''}`}
          >
            <Slider
              min={0}
              max={Math.max(5, Math.ceil(f.weging ?? 0))}
              step={0.5}
              value={weights[i] ?? 0}
              aria-valuetext={formatNumber(weights[i] ?? 0)}
              onChange={(_, d) => setWeights((w) => w.map((x, j) => (j === i ? d.value : x)))}
            />
          </Field>
        ))}
      </div>
      {preview && (
        <Text aria-live="polite">
          {preview.entering.length} nieuw in de top 15, {preview.leaving.length} vallen af, {preview.moved.length} verschuiven.
        </Text>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={!changed || !!session.busy} onClick={() => void apply()}>
          Wegingen toepassen
        </Button>
        <Button disabled={!changed} onClick={() => setWeights(factors.map((f) => f.weging ?? 1))}>
          Herstellen
        </Button>
      </div>
    </div>
  );
}
