/**
 * "Onderbouwing maken": builds the onderbouwing from the workbook as it is now, renders
 * the Word file in the pane (the docx library is its own chunk, loaded on first use) and
 * offers it through the host (download in the browser, save in Excel).
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { buildOnderbouwingModel } from '../../core/onderbouwing';
import type { WorkbookSession } from '../session';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Loads the Word renderer on first use (a separate chunk in the pane's bundle). */
export const loadRenderer = () => import(/* webpackChunkName: "onderbouwing-docx" */ '../../report/onderbouwingDocx');

export function OnderbouwingButton({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const download = session.host.download;
  const ready = session.snapshot !== null && session.analysis?.kind === 'koppelkansen';

  const make = async () => {
    if (!session.snapshot || working) return;
    setWorking(true);
    setMessage(null);
    try {
      const model = buildOnderbouwingModel(session.snapshot, new Date());
      const { onderbouwingDocx, onderbouwingFileName, DOCX_MIME } = await loadRenderer();
      const bytes = await onderbouwingDocx(model);
      const name = onderbouwingFileName(model.wijk);
      if (!download) throw new Error('Downloaden kan in deze omgeving niet.');
      download(name, bytes, DOCX_MIME);
      setMessage({ intent: 'success', text: `“${name}” is gemaakt. Open het in Word om het aan te vullen of te delen.` });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      setMessage({ intent: 'error', text: `De onderbouwing kon niet worden gemaakt: ${why} Probeer het opnieuw.` });
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className={styles.stack}>
      <Button appearance="secondary" disabled={!ready || working || !download} onClick={() => void make()} icon={working ? <Spinner size="extra-tiny" /> : undefined}>
        {working ? 'Onderbouwing maken…' : 'Onderbouwing maken'}
      </Button>
      <Text size={200} className={styles.hint}>
        Een Word-document voor raad en wijk: de gekozen koppelkansen met “Omdat…” en verantwoordelijke, de scores en wegingen,
        de automatische top 15 en de afwijkingen, de conclusies, acties en notities.
      </Text>
      {!download && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Excel voor Windows en Mac laat een invoegtoepassing geen bestanden opslaan. Open de werkmap in Excel op het web (in Teams of
            SharePoint: “Openen in browser”) en maak de onderbouwing daar, of laat iemand met de opdrachtregel{' '}
            <code>koppelkansen onderbouwing werkmap.xlsx -o onderbouwing.docx</code> uitvoeren.
          </MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
