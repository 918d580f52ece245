import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
});

/** What {@link TwoVersions} shows and does. */
export interface TwoVersionsProps {
  /** Accessible name of the group, e.g. "Naam van de wijk: twee versies". */
  label: string;
  /** What the colleague changed and where the user's own version is, read out as an alert. */
  message: ReactNode;
  /** Further lines under the message, e.g. one per changed field. */
  details?: ReactNode;
  /** True while the session reads or writes: both buttons wait. */
  busy: boolean;
  /** Writes the user's version over the colleague's. */
  onMine: () => void;
  /** Drops the user's version and keeps what is in the workbook. */
  onTheirs: () => void;
  /**
   * Where the keyboard focus goes when the user keeps the colleague's version (the field the
   * choice is about): the group goes away with the choice, and the focus would fall to the
   * page's body. Absent: left to the caller. The user's version is written by the caller,
   * whose write keeps the focus (keepFocus).
   */
  focusAfter?: () => HTMLElement | null | undefined;
  /** Label of the keep-theirs button; "Versie van collega houden" unless the other version is not a colleague's. */
  theirsLabel?: string;
  size?: 'small' | 'medium';
  className?: string;
}

/**
 * The inline choice between the user's typed text and a colleague's version of the same
 * cell, shown under a field when a guarded write found the cell changed since the pane read
 * it (issue 7: "if a colleague changed the same cell meanwhile, nothing is overwritten and
 * the pane shows both versions and asks"). Nothing is written until the user chooses. One
 * component for every field, so the wording and the buttons are the same everywhere; the
 * dialog form for whole-pane conflicts is ConflictDialog.
 */
export function TwoVersions({ label, message, details, busy, onMine, onTheirs, focusAfter, theirsLabel, size, className }: TwoVersionsProps) {
  const styles = useStyles();
  return (
    <div role="group" aria-label={label} className={mergeClasses(styles.group, className)}>
      <Text role="alert" size={size === 'small' ? 200 : undefined}>
        {message}
      </Text>
      {details}
      <div className={styles.row}>
        <Button size={size} appearance="primary" disabled={busy} onClick={onMine}>
          Mijn versie opslaan
        </Button>
        <Button
          size={size}
          disabled={busy}
          onClick={() => {
            focusAfter?.()?.focus();
            onTheirs();
          }}
        >
          {theirsLabel ?? 'Versie van collega houden'}
        </Button>
      </div>
    </div>
  );
}
