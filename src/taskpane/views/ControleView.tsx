/** Controle: the engine's problems, errors first; a click (or Enter) selects the cell. */
import { Badge, Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Problem, Severity } from '../../core/problems';
import type { WorkbookSession } from '../session';

const LABEL: Record<Severity, string> = { error: 'Fout', warning: 'Let op', info: 'Info' };
const COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'left',
    height: 'auto',
    paddingBlock: tokens.spacingVerticalS,
    justifyContent: 'flex-start',
    fontWeight: tokens.fontWeightRegular,
  },
  where: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

function where(p: Problem): string {
  if (!p.sheet) return 'Werkmap';
  return p.cell ? `${p.sheet}!${p.cell}` : p.sheet;
}

export function ControleView({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  const [selected, setSelected] = useState<string | null>(null);
  const problems = session.analysis?.problems ?? [];
  const counts = { error: 0, warning: 0, info: 0 } as Record<Severity, number>;
  for (const p of problems) counts[p.severity]++;
  const select = async (p: Problem) => {
    if (!p.sheet || !p.cell) return;
    setSelected(where(p));
    try {
      await session.host.selectCell?.(p.sheet, p.cell);
    } catch {
      // selecting is a convenience; the address is on screen
    }
  };

  return (
    <div className={styles.stack}>
      <div className={styles.head}>
        <Text as="h2" size={500} weight="semibold">
          Controle
        </Text>
        <Button size="small" onClick={() => void session.refresh({ fresh: true, verifyFormulas: true })}>
          Opnieuw controleren
        </Button>
      </div>
      <Text aria-live="polite">
        {counts.error} {counts.error === 1 ? 'fout' : 'fouten'}, {counts.warning} {counts.warning === 1 ? 'aandachtspunt' : 'aandachtspunten'}, {counts.info}{' '}
        info
      </Text>
      {problems.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>Geen problemen gevonden.</MessageBarBody>
        </MessageBar>
      ) : (
        <ul className={styles.list} aria-label="Gevonden problemen">
          {problems.map((p, i) => (
            <li key={`${p.code}-${p.sheet}-${p.cell}-${i}`}>
              <Button
                className={styles.item}
                appearance={selected === where(p) ? 'secondary' : 'subtle'}
                onClick={() => void select(p)}
                disabledFocusable={!p.cell}
                aria-current={selected === where(p) ? 'true' : undefined}
              >
                <span className={styles.where}>
                  <Badge appearance="tint" color={COLOR[p.severity]}>
                    {LABEL[p.severity]}
                  </Badge>
                  <span className={styles.cell}>{where(p)}</span>
                </span>
                <span>{p.message}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {selected && session.host.kind === 'preview' && <Text size={200}>Geselecteerd: {selected}</Text>}
    </div>
  );
}
