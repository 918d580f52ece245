/** The guide's Stap 1 questions (dromen, then drempels) as prompts, collapsed by default, with the werkvorm the guide suggests. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, Text, tokens } from '@fluentui/react-components';
import { STAP1_PROMPTS } from '../../core/layout';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  werkvorm: { color: tokens.colorNeutralForeground2 },
});

/** "[naam wijk]" in the guide's questions becomes the wijk's name, or "de wijk". */
function promptText(vraag: string, wijk: string): string {
  return vraag.replace(/\[naam wijk\]/g, wijk.trim() || 'de wijk');
}

export function Stap1Prompts({ wijk }: { wijk: string }) {
  const styles = useStyles();
  return (
    <Accordion multiple collapsible>
      {STAP1_PROMPTS.map((p) => (
        <AccordionItem key={p.soort} value={p.soort}>
          <AccordionHeader size="small">{`${p.soort}: vragen voor het gesprek`}</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {p.vragen.map((v) => (
                <li key={v.vraag}>
                  {promptText(v.vraag, wijk)}
                  {v.werkvorm && (
                    <Text size={200} className={styles.werkvorm}>
                      {` (${v.werkvorm})`}
                    </Text>
                  )}
                  {v.deelvragen.length > 0 && (
                    <ul className={styles.list}>
                      {v.deelvragen.map((d) => (
                        <li key={d}>{promptText(d, wijk)}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
