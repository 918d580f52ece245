/**
 * Asks why a koppelkans stands away from its automatic rank. The reason goes into the
 * "Omdat…" cell and, with the author's name (kept per user on this computer), into the
 * Notulen as a note. Closing it otherwise (Esc, "Later") keeps what was typed as the Omdat… text.
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
import { useEffect, useState } from 'react';
import type { WorkbookSession } from '../session';
import { useAuthor } from '../notes/useAuthor';
import { reasonQuestion } from '../notes/notesLogic';

export interface ReasonRequest {
  id: string;
  koppelkans: string;
  place: number;
  autoRank: number;
}

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function ReasonDialog({
  request,
  session,
  onCancel,
  onConfirm,
}: {
  request: ReasonRequest | null;
  session: WorkbookSession;
  /**
   * Closed without "Reden opslaan" (Esc, "Later"): gets what was typed (possibly ''), which the
   * caller keeps as the entry's Omdat… text (written as that field is, without a note), so nothing
   * typed is lost.
   */
  onCancel: (typed: string) => void;
  onConfirm: (text: string, author: string) => void | Promise<void>;
}) {
  const styles = useStyles();
  const [text, setText] = useState('');
  // the notulist's name: asked once, shared with the notes panel (per user, on this computer)
  const { stored, author, setAuthor, remember } = useAuthor(session);
  const [tried, setTried] = useState(false);
  const needsAuthor = session.notes.sheet !== null;
  const askAuthor = needsAuthor && !stored;
  useEffect(() => {
    if (!request) return;
    setText('');
    setTried(false);
  }, [request]);

  const textError = tried && !text.trim() ? 'Vul de reden in, of kies “Later”.' : undefined;
  const authorError = tried && askAuthor && !author.trim() ? 'Vul je naam in; die komt bij de notitie in de Notulen.' : undefined;
  const confirm = () => {
    setTried(true);
    if (!text.trim() || (askAuthor && !author.trim())) return;
    if (needsAuthor) remember(author);
    void onConfirm(text.trim(), (askAuthor ? author : stored).trim());
  };

  return (
    <Dialog open={request !== null} onOpenChange={(_, d) => !d.open && onCancel(text)}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{request ? reasonQuestion(request.koppelkans, request.place, request.autoRank) : 'Waarom deze plaats?'}</DialogTitle>
          <DialogContent className={styles.content}>
            {request && (
              <span>
                “{request.koppelkans}” staat nu op plaats {request.place}, maar automatisch op {request.autoRank}. Schrijf op waarom; de reden komt bij “Omdat…”
                {needsAuthor ? ' en als notitie in de Notulen' : ''}, en de volgorde wordt opgeslagen.
              </span>
            )}
            <Field label="Omdat…" required validationMessage={textError} validationState={textError ? 'error' : 'none'}>
              <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
            </Field>
            {askAuthor && (
              <Field
                label="Je naam (notulist)"
                required
                hint="Wordt op deze computer onthouden, niet in de werkmap."
                validationMessage={authorError}
                validationState={authorError ? 'error' : 'none'}
              >
                <Input value={author} onChange={(_, d) => setAuthor(d.value)} />
              </Field>
            )}
            {needsAuthor && !askAuthor && <Text size={200}>Notitie van {stored}</Text>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={confirm}>
              Reden opslaan
            </Button>
            <Button onClick={() => onCancel(text)}>Later</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
