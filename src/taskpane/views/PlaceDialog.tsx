/**
 * "Naar plaats …": asks for the place (1..count) to move one Prioritering entry to, in a
 * modal dialog that owns its focus. Enter moves; Esc closes without moving.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';

export interface PlaceRequest {
  id: string;
  koppelkans: string;
  place: number;
  count: number;
}

/** The place typed, when it is a whole number 1..count; else a Dutch message. */
function parsePlace(input: string, count: number): { ok: true; place: number } | { ok: false; message: string } {
  const t = input.trim();
  if (!/^\d+$/.test(t)) return { ok: false, message: `Vul een plaats in van 1 tot en met ${count}.` };
  const n = Number(t);
  if (n < 1 || n > count) return { ok: false, message: `Plaats ${n} bestaat niet; kies 1 tot en met ${count}.` };
  return { ok: true, place: n };
}

export function PlaceDialog({
  request,
  onMove,
  onCancel,
}: {
  request: PlaceRequest | null;
  onMove: (id: string, place: number) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  // the current place is in the field (and selected, below) in the very render that opens the
  // dialog, so a typed place replaces it (regression: typing 4 after opening gave "24")
  const [shownFor, setShownFor] = useState<PlaceRequest | null>(null);
  if (request !== shownFor) {
    setShownFor(request);
    if (request) {
      setValue(String(request.place));
      setError(undefined);
    }
  }
  const submit = () => {
    if (!request) return;
    const p = parsePlace(value, request.count);
    if (!p.ok) return setError(p.message);
    onMove(request.id, p.place);
  };
  return (
    <Dialog open={request !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <DialogBody>
            <DialogTitle>{request ? `“${request.koppelkans}” naar plaats …` : 'Naar plaats …'}</DialogTitle>
            <DialogContent>
              <Field
                label={request ? `Nieuwe plaats (1 tot en met ${request.count})` : 'Nieuwe plaats'}
                validationMessage={error}
                validationState={error ? 'error' : 'none'}
              >
                <Input value={value} inputMode="numeric" onFocus={(e) => e.currentTarget.select()} onChange={(_, d) => setValue(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                Verplaatsen
              </Button>
              <Button onClick={onCancel}>Annuleren</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
