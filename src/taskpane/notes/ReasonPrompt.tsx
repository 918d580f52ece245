/**
 * Asks why the team placed a koppelkans away from its automatic rank. The reason is
 * written in one batch into the "Omdat…" cell on Prioritering and, as a redenering of
 * Stap 4, into the Notulen (`reasonWithNote`): the same text in both places.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { cellAddress } from '../../core/a1';
import { valueAt } from '../../core/grid';
import { sameName } from '../../core/layout';
import { normalizeLineBreaks, reasonWithNote } from '../../core/notes';
import type { PlanOp } from '../../core/snapshot';
import { MAX_CELL_TEXT } from '../../core/textSafety';
import type { WorkbookSession } from '../session';
import { isSaveShortcut, reasonQuestion } from './notesLogic';
import { useAuthor } from './useAuthor';

export interface ReasonEntry {
  /** The Prioritering sheet. */
  sheet: string;
  /** The entry's row there. */
  row: number;
  /** The column number (1-based) of "Omdat…". */
  omdatColumn: number;
  koppelkans: string;
  place: number;
  autoRank: number;
}

export interface ReasonPromptProps {
  session: WorkbookSession;
  entry: ReasonEntry | null;
  open: boolean;
  /** Called after saving (with the text) or on cancel (without). */
  onClose: (saved?: string) => void;
  /**
   * Writes the ops; defaults to `session.applyOps`. A view that saves a new order at the
   * same time passes its own, to write order and reason in one batch.
   */
  apply?: (ops: PlanOp[], text: string) => Promise<boolean>;
}

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The current "Omdat…" text of the entry, so that the dialog starts from it. */
function currentOmdat(session: WorkbookSession, entry: ReasonEntry): string {
  const sheet = session.snapshot?.sheets.find((s) => sameName(s.name, entry.sheet));
  const v = sheet ? valueAt(sheet, entry.row, entry.omdatColumn) : null;
  return v === null ? '' : String(v);
}

export function ReasonPrompt({ session, entry, open, onClose, apply }: ReasonPromptProps) {
  const styles = useStyles();
  const { stored, author, setAuthor, remember } = useAuthor(session);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const saving = useRef(false);
  const withNote = session.notes.sheet !== null;
  const askAuthor = withNote && !stored;

  useEffect(() => {
    if (!open || !entry) return;
    setText(currentOmdat(session, entry));
    setMessage(null);
    // only when the dialog opens for an entry, not on every workbook refresh
  }, [open, entry]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    if (!entry || saving.current) return;
    if (!text.trim()) return setMessage('Schrijf de reden op, of kies “Later”.');
    const name = (askAuthor ? author : stored).trim();
    let ops: PlanOp[];
    if (withNote) {
      if (!name) return setMessage('Vul je naam in; die komt bij de notitie in de Notulen.');
      const res = reasonWithNote(entry, text.trim(), name, new Date(), undefined, session.notes.sheet ?? undefined);
      if (!res.ok) return setMessage(res.message);
      ops = res.ops;
    } else {
      // no Notulen sheet yet: the reason still goes into "Omdat…"
      const clean = normalizeLineBreaks(text.trim());
      if (clean.length > MAX_CELL_TEXT) return setMessage(`De reden is ${clean.length} tekens; een cel kan er ${MAX_CELL_TEXT} bevatten.`);
      ops = [{ kind: 'setCells', sheet: entry.sheet, cell: cellAddress(entry.row, entry.omdatColumn), cells: [[{ text: clean }]] }];
    }
    saving.current = true;
    try {
      if (name) remember(name);
      const ok = apply ? await apply(ops, text.trim()) : await session.applyOps(ops, 'Reden opslaan…');
      if (ok) onClose(text.trim());
    } finally {
      saving.current = false;
    }
  };

  return (
    <Dialog open={open && entry !== null} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{entry ? reasonQuestion(entry.koppelkans, entry.place, entry.autoRank) : 'Waarom deze plaats?'}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>
              De reden komt bij “Omdat…” op {entry?.sheet ?? 'Prioritering'}
              {withNote ? ' en als redenering (Stap 4) in de Notulen' : ''}.
            </Text>
            <Field label="Omdat…" required validationState={message ? 'error' : 'none'} validationMessage={message ?? undefined}>
              {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
              <Textarea
                autoFocus
                value={text}
                resize="vertical"
                rows={4}
                onChange={(_, d) => {
                  setText(d.value);
                  setMessage(null);
                }}
                onKeyDown={(e) => {
                  if (isSaveShortcut(e)) {
                    e.preventDefault();
                    void save();
                  }
                }}
              />
            </Field>
            {askAuthor && (
              <Field label="Je naam (notulist)" required hint="Wordt op deze computer onthouden, niet in de werkmap.">
                <Input value={author} onChange={(_, d) => setAuthor(d.value)} />
              </Field>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!!session.busy} onClick={() => void save()}>
              Reden opslaan
            </Button>
            <Button onClick={() => onClose()}>Later</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
