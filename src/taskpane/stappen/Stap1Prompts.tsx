/** The guide's Stap 1 questions (dromen, then drempels) as prompts, collapsed by default. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from '@fluentui/react-components';
import { STAP1_PROMPTS } from '../../core/layout';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
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
                <li key={v}>{promptText(v, wijk)}</li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
