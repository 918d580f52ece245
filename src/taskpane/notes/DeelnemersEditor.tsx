/**
 * Who took part ("Deelnemers"), for the onderbouwing's first page: the editable list kept
 * in the workbook (Notulen, the "Deelnemers" row, column H; src/core/deelnemers.ts) beside
 * the notes' authors, who are named too. Saved through `session.applyEdit` on a fresh read;
 * when a colleague changed the list meanwhile nothing is overwritten: the typed list stays,
 * the colleague's is shown beside it and the user chooses. The list typed but not yet saved
 * is kept on this computer (../useStoredDraft) and comes back, marked "Nog niet
 * opgeslagen", after a reload or a closed pane.
 */
import { TwoVersions } from '../TwoVersions';
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Text, Textarea, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { draftKey, isRecord } from '../logic/drafts';
import { useStoredDraft } from '../useStoredDraft';
import { DEELNEMERS, deelnemersEdit, parseNames, participants, readDeelnemers } from '../../core/deelnemers';
import { cellAddress } from '../../core/a1';
import type { WorkbookSession } from '../session';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'stretch' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground2 },
});

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The list being typed and the list typing started from (what the guarded write expects). */
interface DeelnemersDraft {
  text: string;
  base: string[];
}

const isDeelnemersDraft = (v: unknown): v is DeelnemersDraft =>
  isRecord(v) && typeof v.text === 'string' && Array.isArray(v.base) && v.base.every((n) => typeof n === 'string');

/** Storage key of the Deelnemers draft. */
const DEELNEMERS_DRAFT_KEY = draftKey('deelnemers');

export function DeelnemersEditor({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  const stored = useMemo(() => readDeelnemers(session.snapshot ?? { sheets: [] }), [session.snapshot]);
  // the draft and the list it was started from; null: not editing, show what is stored
  const { draft, setDraft, restored } = useStoredDraft(session.host.storage, DEELNEMERS_DRAFT_KEY, isDeelnemersDraft);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const authors = participants([], session.notes.notes).filter((a) => !stored.names.some((n) => n.toLowerCase() === a.toLowerCase()));
  if (!stored.sheet) return null;
  const text = draft?.text ?? stored.names.join('\n');
  const changed = draft !== null && !same(parseNames(draft.text), stored.names);
  const where = stored.row !== null ? `${stored.sheet}!${cellAddress(stored.row, DEELNEMERS.column)}` : `${stored.sheet}, rij “${DEELNEMERS.label}”`;

  // a colleague changed the list while it was being edited: both versions stay visible and the user chooses
  const theirs = draft !== null && !same(stored.names, draft.base) && !same(stored.names, parseNames(draft.text)) ? stored.names : null;

  /** Saves the typed list, guarded by `base` (the list typing started from; the colleague's once the user chose to overwrite it). */
  const save = async (base: string[] | undefined = draft?.base) => {
    if (!draft || !base) return;
    const typed = draft.text;
    const names = parseNames(typed);
    setMessage(null);
    const res = await session.applyEdit((fresh) => {
      const now = readDeelnemers(fresh.snapshot).names;
      if (!same(now, base) && !same(now, names)) {
        return {
          ok: false,
          message: `Een collega heeft de lijst met deelnemers intussen veranderd (${now.join(', ') || 'leeg'}). Er is niets overschreven; kies welke versie je houdt.`,
        };
      }
      return deelnemersEdit(fresh.snapshot, names);
    }, 'Deelnemers opslaan…');
    if (res.ok) {
      setDraft(null);
      setMessage({ intent: 'success', text: `Opgeslagen: ${names.length} ${names.length === 1 ? 'naam' : 'namen'}.` });
    } else {
      // what was typed stays; the colleague's version shows beside it after the re-read
      setDraft({ text: typed, base });
      setMessage({ intent: 'error', text: res.message });
    }
  };

  return (
    <section className={styles.stack} aria-label="Deelnemers">
      <Text as="h3" size={400} weight="semibold">
        Deelnemers
      </Text>
      <Field
        label="Wie deden er mee? Eén naam per regel (met organisatie of rol als je wilt)"
        hint={`Staat in de werkmap (${where}) en op de eerste pagina van de onderbouwing.`}
      >
        <Textarea
          value={text}
          resize="vertical"
          rows={Math.min(8, Math.max(3, text.split('\n').length + 1))}
          onChange={(_, d) => setDraft({ text: d.value, base: draft?.base ?? stored.names })}
        />
      </Field>
      {authors.length > 0 && (
        <Text size={200} className={styles.hint}>
          Ook genoemd, omdat ze notities schreven: {authors.join(', ')}.
        </Text>
      )}
      {theirs !== null ? (
        <TwoVersions
          label="Deelnemers: twee versies"
          message={`Een collega heeft de lijst intussen veranderd in: ${theirs.join(', ') || '(leeg)'}. Jouw versie staat in het veld. Welke houd je?`}
          busy={!!session.busy}
          onMine={() => void save(stored.names)}
          onTheirs={() => {
            setDraft(null);
            setMessage(null);
          }}
        />
      ) : (
        <div className={styles.row}>
          <Button appearance="secondary" disabled={!changed || !!session.busy} onClick={() => void save()}>
            Deelnemers opslaan
          </Button>
          {draft !== null && (
            <Button appearance="subtle" disabled={!!session.busy} onClick={() => setDraft(null)}>
              Annuleren
            </Button>
          )}
          {changed && (
            <Text size={200} className={styles.hint}>
              {restored ? 'Nog niet opgeslagen (bewaard op deze computer)' : 'Nog niet opgeslagen'}
            </Text>
          )}
        </div>
      )}
      {message && theirs === null && (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
