/**
 * "Hoe stevig is de ranglijst?": the robustness of the automatic ranking in Dutch sentences
 * (src/core/gevoeligheid.ts), for the werkblad as it stands (not the what-if sliders).
 * The summary is always visible; the details per weight and per koppelkans fold open.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { computeGevoeligheid } from '../../core/gevoeligheid';
import type { Werkblad } from '../../core/werkblad';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function GevoeligheidPanel({ werkblad }: { werkblad: Werkblad }) {
  const styles = useStyles();
  const g = useMemo(() => computeGevoeligheid(werkblad), [werkblad]);
  const sections = [
    { id: 'members', title: 'Per weging: wanneer verandert de top 15?', lines: g.sentences.members },
    { id: 'order', title: `Per weging: wanneer verandert de volgorde van de top ${g.topOrder}?`, lines: g.sentences.order },
    { id: 'boundary', title: 'Koppelkansen rond plaats 15', lines: g.sentences.boundary },
  ].filter((s) => s.lines.length > 0);
  return (
    <section className={styles.stack} aria-labelledby="gevoeligheid-kop" data-testid="gevoeligheid">
      <Text as="h3" size={400} weight="semibold" id="gevoeligheid-kop">
        Hoe stevig is de ranglijst?
      </Text>
      <Text size={200}>
        Telkens één weging of één score anders en de rest gelijk. Het is een startpunt voor het gesprek, geen oordeel. “Resultaat bijwerken” zet dit ook op het
        blad Resultaat.
      </Text>
      {g.sentences.summary.map((s) => (
        <Text key={s}>{s}</Text>
      ))}
      {sections.length > 0 && (
        <Accordion collapsible multiple>
          {sections.map((s) => (
            <AccordionItem key={s.id} value={s.id}>
              <AccordionHeader size="small">{s.title}</AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list}>
                  {s.lines.map((l) => (
                    <li key={l}>
                      <Text size={200}>{l}</Text>
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </section>
  );
}
