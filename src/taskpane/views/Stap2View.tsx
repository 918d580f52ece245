/**
 * Stap 2 (guide, chapter 3: "Breng opgaven, koppelkansen en succesfactoren in kaart"):
 * opgaven, koppelkansen per opgave, succesfactoren, and the step's conclusion, all
 * written through the engine (session.applyEdit); the view never writes cells itself.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { readFactorInfo } from '../../core/factors';
import { readStap2, stap2Context } from '../../core/stap2';
import { ConclusionField } from '../notes/ConclusionsEditor';
import type { WorkbookSession } from '../session';
import { ConfirmDialog, type ConfirmRequest } from '../stappen/ConfirmDialog';
import { FactorsEditor } from '../stappen/FactorsEditor';
import { KoppelkansenPicker } from '../stappen/KoppelkansenPicker';
import { OpgavenPicker } from '../stappen/OpgavenPicker';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground2 },
});

export function Stap2View({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  const [open, setOpen] = useState<string[]>(['opgaven', 'koppelkansen']);
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const { snapshot, analysis, notes } = session;
  const model = useMemo(() => (snapshot && analysis ? readStap2(snapshot, analysis) : null), [snapshot, analysis]);
  const factors = useMemo(() => {
    if (!snapshot || !analysis) return [];
    const ctx = stap2Context(snapshot, analysis, notes);
    return 'message' in ctx ? [] : readFactorInfo(ctx.sheet, ctx.werkblad);
  }, [snapshot, analysis, notes]);
  const conclusion = notes.conclusions.find((c) => c.stap === 'Stap 2');

  if (!model) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Er is nog geen werkblad met succesfactoren. Maak eerst de indeling aan op Start.</MessageBarBody>
      </MessageBar>
    );
  }
  const chosenOpgaven = model.opgaven.filter((o) => o.rows.length).length;
  const chosenKoppelkansen = model.opgaven.reduce((n, o) => n + o.koppelkansen.filter((k) => k.rows.length).length, 0);
  return (
    <div className={styles.stack}>
      <Text as="h2" size={500} weight="semibold">
        Stap 2: opgaven, koppelkansen en succesfactoren
      </Text>
      <Text className={styles.hint}>
        Kies de opgaven uit het gedeelde verhaal, per opgave de koppelkansen, en bepaal de succesfactoren. Alles komt op het werkblad; daarna scoor je bij
        Scoren.
      </Text>
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems.map(String))}>
        <AccordionItem value="opgaven">
          <AccordionHeader>{`Opgaven (${chosenOpgaven} gekozen)`}</AccordionHeader>
          <AccordionPanel>
            <OpgavenPicker session={session} model={model} confirm={setRequest} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="koppelkansen">
          <AccordionHeader>{`Koppelkansen (${chosenKoppelkansen} gekozen)`}</AccordionHeader>
          <AccordionPanel>
            <KoppelkansenPicker session={session} model={model} confirm={setRequest} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="factoren">
          <AccordionHeader>{`Succesfactoren (${factors.length})`}</AccordionHeader>
          <AccordionPanel>
            <FactorsEditor session={session} factors={factors} confirm={setRequest} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {conclusion && (
        <section aria-label="Conclusie Stap 2">
          <ConclusionField session={session} conclusion={conclusion} />
        </section>
      )}
      <ConfirmDialog request={request} onClose={() => setRequest(null)} />
    </div>
  );
}
