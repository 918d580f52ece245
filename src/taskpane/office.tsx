/**
 * Entry of the task pane inside Excel. office.js comes from Microsoft's CDN (see
 * taskpane.html); `Office` is a global here. Checks the host and the ExcelApi version,
 * then runs the App over the Office.js adapter.
 */
import { createRoot } from 'react-dom/client';
import { useEffect, useMemo, useState } from 'react';
import { App } from './App';
import { AppFrame } from './AppFrame';
import type { HostServices } from './session';
import { browserStorage, blobDownload } from './browserServices';
import { isDarkOfficeTheme } from './logic/theme';
import { OfficeWorkbook } from '../workbook/office/officeWorkbook';
import { checkRequirements, subscribeToChanges } from '../workbook/office/environment';
import { officeDraftScope, type AddinSettings } from './workbookIdentity';

function officeIsDark(): boolean {
  try {
    return isDarkOfficeTheme(Office.context.officeTheme);
  } catch {
    return false; // officeTheme is missing on some platforms
  }
}

/** Follows the Office theme: read again when the pane gets focus or becomes visible. */
function useOfficeDark(): boolean {
  const [dark, setDark] = useState(officeIsDark);
  useEffect(() => {
    const update = () => setDark(officeIsDark());
    window.addEventListener('focus', update);
    document.addEventListener('visibilitychange', update);
    return () => {
      window.removeEventListener('focus', update);
      document.removeEventListener('visibilitychange', update);
    };
  }, []);
  return dark;
}

/** Downloads work in Excel on the web; desktop Excel's web view does not save them. */
function canDownload(): boolean {
  try {
    return Office.context.diagnostics?.platform === Office.PlatformType.OfficeOnline;
  } catch {
    return false;
  }
}

/** Office.context.document.settings as AddinSettings, or undefined when this Excel offers none. */
function officeSettings(): AddinSettings | undefined {
  let s: Office.Settings | undefined;
  try {
    s = Office.context.document?.settings;
  } catch {
    return undefined;
  }
  if (!s) return undefined;
  const settings = s;
  return {
    get: (name) => settings.get(name) as unknown,
    set: (name, value) => settings.set(name, value),
    remove: (name) => settings.remove(name),
    save: () =>
      new Promise<boolean>((resolve) => {
        try {
          settings.saveAsync((r) => resolve(r.status === Office.AsyncResultStatus.Succeeded));
        } catch {
          resolve(false);
        }
      }),
  };
}

/** The workbook's address as Office gives it (a path or web address; empty for a new workbook never saved). */
function officeDocumentUrl(): string | null {
  try {
    return Office.context.document?.url || null;
  } catch {
    return null;
  }
}

function ExcelPane({ draftScope }: { draftScope: string | null }) {
  const dark = useOfficeDark();
  const port = useMemo(() => new OfficeWorkbook(), []);
  const host = useMemo<HostServices>(() => {
    const req = checkRequirements();
    return {
      kind: 'excel',
      selectCell: (sheet, cell) => port.selectCell(sheet, cell),
      subscribeToChanges: (onChange) => subscribeToChanges(onChange),
      storage: browserStorage(),
      draftScope: draftScope ?? undefined,
      download: canDownload() ? blobDownload : undefined,
      requirementError: req.ok ? null : (req.message ?? 'Deze Excel-versie wordt niet ondersteund.'),
    };
  }, [port, draftScope]);
  return <App port={port} host={host} dark={dark} />;
}

function NotExcel({ host }: { host: string }) {
  return (
    <Message
      title="Koppelkansen Kiezen"
      text={`Deze invoegtoepassing werkt alleen in Excel${host ? ` (nu geopend in ${host})` : ''}. Open een werkmap in Excel en start Koppelkansen Kiezen daar via het tabblad Start.`}
    />
  );
}

function Message({ title, text }: { title: string; text: string }) {
  return (
    <AppFrame dark={false}>
      <main style={{ padding: 16 }}>
        <h1 style={{ fontSize: 20 }}>{title}</h1>
        <p role="alert">{text}</p>
      </main>
    </AppFrame>
  );
}

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  if (typeof Office === 'undefined') {
    // office.js comes from Microsoft's CDN; without it there is no Excel to talk to
    root.render(
      <Message
        title="Koppelkansen Kiezen kon niet starten"
        text="Het onderdeel van Microsoft dat de invoegtoepassing met Excel verbindt (office.js) kon niet worden geladen. Controleer de internetverbinding en open de invoegtoepassing opnieuw. Zonder Excel kun je het voorbeeld in de browser gebruiken (preview.html)."
      />,
    );
  } else {
    void Office.onReady((info) => {
      if (info.host !== Office.HostType.Excel) root.render(<NotExcel host={info.host ? String(info.host) : ''} />);
      // drafts kept on this computer are scoped by the workbook's identity, known before the pane renders
      else void officeDraftScope(officeSettings(), officeDocumentUrl()).then((scope) => root.render(<ExcelPane draftScope={scope} />));
    });
  }
}
