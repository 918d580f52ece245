/**
 * "Onderbouwing maken": builds the onderbouwing from the workbook as it is now, renders
 * the Word file in the pane (the docx library is its own chunk, loaded on first use) and
 * offers it through the host (a download in the browser and in Excel on the web). Where the
 * host cannot save files (Excel for Windows and Mac) the same onderbouwing goes into a new
 * sheet of the workbook ("Als werkblad in de werkmap"), available everywhere.
 */
import { Button, Checkbox, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { buildOnderbouwingModel, type OnderbouwingOptions } from '../../core/onderbouwing';
import { onderbouwingSheetName, onderbouwingSheetOps } from '../../core/onderbouwingSheet';
import { KoppelkansenError, userMessage } from '../../core/errors';
import type { WorkbookSession } from '../session';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
  options: { display: 'flex', flexDirection: 'column' },
});

/** Loads the Word renderer on first use (a separate chunk in the pane's bundle). */
const loadRenderer = () => import(/* webpackChunkName: "onderbouwing-docx" */ '../../report/onderbouwingDocx');

export function OnderbouwingButton({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const download = session.host.download;
  const ready = session.snapshot !== null && session.analysis?.kind === 'koppelkansen';
  const [authorNames, setAuthorNames] = useState(false);
  const [notesAppendix, setNotesAppendix] = useState(false);
  const options: OnderbouwingOptions = { authorNames, notesAppendix };

  const make = async () => {
    if (!session.snapshot || working) return;
    setWorking(true);
    setMessage(null);
    try {
      const model = buildOnderbouwingModel(session.snapshot, new Date(), options);
      const [{ onderbouwingDocx, onderbouwingFileName, DOCX_MIME }, { rasterizeInBrowser }] = await Promise.all([loadRenderer(), import('../logic/rasterize')]);
      const bytes = await onderbouwingDocx(model, rasterizeInBrowser);
      const name = onderbouwingFileName(model.wijk);
      if (!download) throw new KoppelkansenError('pane.downloadUnavailable', []);
      download(name, bytes, DOCX_MIME);
      setMessage({ intent: 'success', text: `“${name}” is gemaakt. Open het in Word om het aan te vullen of te delen.` });
    } catch (e) {
      setMessage({ intent: 'error', text: `De onderbouwing kon niet worden gemaakt. ${userMessage(e)}` });
    } finally {
      setWorking(false);
    }
  };

  /** The same onderbouwing as a new sheet in the workbook (works where files cannot be saved). */
  const makeSheet = async () => {
    if (!session.snapshot || working) return;
    setWorking(true);
    setMessage(null);
    try {
      const model = buildOnderbouwingModel(session.snapshot, new Date(), options);
      const name = onderbouwingSheetName(
        model.date,
        session.snapshot.sheets.map((s) => s.name),
      );
      if (await session.applyOps(onderbouwingSheetOps(model, name), 'Onderbouwing als werkblad maken…')) {
        await session.host.selectCell?.(name, 'A1').catch(() => undefined);
        setMessage({
          intent: 'success',
          text: `Werkblad “${name}” is toegevoegd. Druk het af of sla het op als PDF; het verandert niet meer als de werkmap verandert.`,
        });
      }
      // on failure the pane shows what went wrong
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className={styles.stack}>
      <div className={styles.buttons}>
        <Button
          appearance="secondary"
          disabled={!ready || working || !download}
          onClick={() => void make()}
          icon={working ? <Spinner size="extra-tiny" /> : undefined}
        >
          {working ? 'Onderbouwing maken…' : 'Onderbouwing maken'}
        </Button>
        <Button appearance={download ? 'subtle' : 'secondary'} disabled={!ready || working || !!session.busy} onClick={() => void makeSheet()}>
          Als werkblad in de werkmap
        </Button>
      </div>
      <div className={styles.options}>
        <Checkbox
          checked={notesAppendix}
          onChange={(_, d) => setNotesAppendix(d.checked === true)}
          label="Overige notities (discussie, redenering) als bijlage"
        />
        <Checkbox checked={authorNames} onChange={(_, d) => setAuthorNames(d.checked === true)} label="Namen van de schrijvers bij de notities" />
      </div>
      <Text size={200} className={styles.hint}>
        Een document voor raad en wijk: samenvatting en deelnemers, de werkwijze, de gekozen koppelkansen met “Omdat…” en verantwoordelijke, de automatische top
        15 als grafiek, de conclusies, afspraken en acties, en de scores als bijlage. Van de notities komen alleen conclusies en wat je voor de onderbouwing
        hebt gemarkeerd erin; “niet in de onderbouwing” nooit.
      </Text>
      {!download && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Excel voor Windows en Mac laat een invoegtoepassing geen bestanden opslaan. Maak de onderbouwing hier als werkblad in de werkmap, of maak het
            Word-document in Excel op het web (in Teams of SharePoint: “Openen in browser”) of met de opdrachtregel{' '}
            <code>koppelkansen onderbouwing werkmap.xlsx -o onderbouwing.docx</code>.
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
