/**
 * Stap 2, tabel C: per selected opgave its koppelkansen with toelichting, a search box,
 * selecting onto the werkblad, the "minder concreet" mark with who makes it concrete,
 * and an own koppelkans.
 */
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, SearchBox, Select, Text, Textarea, tokens, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { describeLoss, deselectKoppelkansEdit, stap2Context, validateName, type Stap2Koppelkans, type Stap2Model } from '../../core/stap2';
import type { WorkbookSession } from '../session';
import type { ConfirmRequest } from './ConfirmDialog';
import { usePickerStyles } from './OpgavenPicker';
import { addOwnKoppelkans, deselectKoppelkans, selectKoppelkans, setMinderConcreet } from './stap2Actions';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  concreet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingInlineStart: '32px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '8em' },
});

/** Matches a search text against name and toelichting, without case and accents. */
function matchesSearch(k: { koppelkans: string; toelichting: string }, query: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  const hay = fold(`${k.koppelkans} ${k.toelichting}`);
  return words.every((w) => hay.includes(w));
}

function MinderConcreet({ session, k, onError }: { session: WorkbookSession; k: Stap2Koppelkans; onError: (m: string | null) => void }) {
  const styles = useStyles();
  const [who, setWho] = useState<string | null>(null);
  const value = who ?? k.minderConcreet?.verantwoordelijke ?? '';
  const dirty = who !== null && who.trim() !== (k.minderConcreet?.verantwoordelijke ?? '');
  const save = async (marked: boolean, name: string) => {
    const res = await session.applyEdit(setMinderConcreet(k.opgave, k.koppelkans, marked, name), 'Opslaan…');
    onError(res.ok ? null : res.message);
    if (res.ok) setWho(null);
  };
  if (!k.longlistRow) return null;
  return (
    <div className={styles.concreet}>
      <Checkbox
        label="Minder concreet: iemand maakt hem concreet"
        checked={!!k.minderConcreet}
        disabled={!!session.busy}
        onChange={(_, d) => void save(!!d.checked, value)}
      />
      {k.minderConcreet && (
        <div className={styles.row}>
          <Field className={styles.grow} label={`Verantwoordelijke voor “${k.koppelkans}”`}>
            <Input value={value} onChange={(_, d) => setWho(d.value)} onKeyDown={(e) => e.key === 'Enter' && dirty && void save(true, value)} />
          </Field>
          <Button disabled={!dirty || !!session.busy} onClick={() => void save(true, value)}>
            Opslaan
          </Button>
        </div>
      )}
    </div>
  );
}

export function KoppelkansenPicker({ session, model, confirm }: { session: WorkbookSession; model: Stap2Model; confirm: (r: ConfirmRequest) => void }) {
  const styles = useStyles();
  const picker = usePickerStyles();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [own, setOwn] = useState({ opgave: '', koppelkans: '', toelichting: '' });
  const [ownMessage, setOwnMessage] = useState<string | null>(null);
  const selectedOpgaven = model.opgaven.filter((o) => o.rows.length);
  const ownOpgave = own.opgave || selectedOpgaven[0]?.opgave || '';
  const chosen = model.opgaven.reduce((n, o) => n + o.koppelkansen.filter((k) => k.rows.length).length, 0);

  const toggle = async (k: Stap2Koppelkans, checked: boolean) => {
    setError(null);
    if (checked) {
      const res = await session.applyEdit(selectKoppelkans(k.opgave, k.koppelkans), 'Koppelkans kiezen…');
      if (!res.ok) setError(res.message);
      return;
    }
    const ctx = session.snapshot && session.analysis ? stap2Context(session.snapshot, session.analysis, session.notes) : null;
    const loss = { scores: 0, notes: 0 };
    if (ctx && !('message' in ctx)) {
      for (const row of k.rows) {
        const r = deselectKoppelkansEdit(ctx, row);
        if (r.ok && r.loss) {
          loss.scores += r.loss.scores;
          loss.notes = Math.max(loss.notes, r.loss.notes);
        }
      }
    }
    const go = async () => {
      const res = await session.applyEdit(deselectKoppelkans(k.opgave, k.koppelkans, loss), 'Koppelkans weghalen…');
      if (!res.ok) setError(res.message);
    };
    if (loss.scores || loss.notes) {
      confirm({
        title: `“${k.koppelkans}” weghalen?`,
        text: `Dan gaan ${describeLoss(loss)} verloren${loss.notes ? ' (de notities blijven op Notulen staan, maar horen dan niet meer bij een gekozen koppelkans)' : ''}.`,
        confirm: 'Toch weghalen',
        onConfirm: () => void go(),
      });
    } else await go();
  };

  const addOwn = async () => {
    const invalid = validateName(own.koppelkans, 'koppelkans');
    if (invalid) return setOwnMessage(invalid);
    const res = await session.applyEdit(addOwnKoppelkans(ownOpgave, own.koppelkans, own.toelichting), 'Eigen koppelkans toevoegen…');
    if (!res.ok) return setOwnMessage(res.message);
    setOwn({ opgave: ownOpgave, koppelkans: '', toelichting: '' });
    setOwnMessage(null);
  };

  if (!selectedOpgaven.length) {
    return <Text>Kies eerst een of meer opgaven; daarna zie je hier hun koppelkansen.</Text>;
  }
  return (
    <div className={picker.stack}>
      <Text>{chosen === 1 ? '1 koppelkans gekozen.' : `${chosen} koppelkansen gekozen.`}</Text>
      <Field label="Zoek een koppelkans">
        <SearchBox value={query} onChange={(_, d) => setQuery(d.value)} placeholder="bijvoorbeeld groen dak" />
      </Field>
      {error && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {selectedOpgaven.map((o) => {
        const shown = o.koppelkansen.filter((k) => matchesSearch(k, query));
        const headingId = `kk-${o.opgave.replace(/[^a-z0-9]+/gi, '-')}`;
        return (
          <section key={o.opgave} className={styles.group} aria-labelledby={headingId}>
            <Text as="h4" weight="semibold" id={headingId}>
              {o.opgave}
            </Text>
            {shown.length === 0 && (
              <Text size={200}>
                {query ? 'Geen koppelkans gevonden met deze zoektekst.' : 'Nog geen koppelkansen bij deze opgave: voeg er hieronder een toe.'}
              </Text>
            )}
            <ul className={picker.list}>
              {shown.map((k) => {
                const id = `${headingId}-${k.longlistRow}-${k.koppelkans.length}`;
                return (
                  <li key={k.koppelkans} className={picker.item}>
                    <Checkbox
                      label={k.own ? `${k.koppelkans} (eigen)` : k.koppelkans}
                      checked={k.rows.length > 0}
                      disabled={!!session.busy}
                      aria-describedby={k.toelichting ? `${id}-t` : undefined}
                      onChange={(_, d) => void toggle(k, !!d.checked)}
                    />
                    {k.toelichting && (
                      <Text size={200} id={`${id}-t`} className={picker.toelichting}>
                        {k.toelichting}
                      </Text>
                    )}
                    {k.rows.length > 0 && <MinderConcreet session={session} k={k} onError={setError} />}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {model.elsewhere.length > 0 && (
        <Text size={200}>
          Ook op het werkblad, niet van de longlist: {model.elsewhere.map((e) => `${e.koppelkans || e.opgave} (rij ${e.row})`).join(', ')}.
        </Text>
      )}
      <div className={picker.form} role="group" aria-label="Eigen koppelkans toevoegen">
        <Field label="Bij opgave">
          <Select value={ownOpgave} onChange={(_, d) => setOwn({ ...own, opgave: d.value })}>
            {selectedOpgaven.map((o) => (
              <option key={o.opgave} value={o.opgave}>
                {o.opgave}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Eigen koppelkans" validationState={ownMessage ? 'error' : 'none'} validationMessage={ownMessage ?? undefined}>
          <Input value={own.koppelkans} onChange={(_, d) => setOwn({ ...own, koppelkans: d.value })} onKeyDown={(e) => e.key === 'Enter' && void addOwn()} />
        </Field>
        <Field label="Toelichting bij de koppelkans">
          <Textarea value={own.toelichting} rows={2} resize="vertical" onChange={(_, d) => setOwn({ ...own, toelichting: d.value })} />
        </Field>
        <Button disabled={!own.koppelkans.trim() || !!session.busy} onClick={() => void addOwn()}>
          Koppelkans toevoegen
        </Button>
      </div>
    </div>
  );
}
