/**
 * A yes/no question before something is lost (Fluent Dialog: focus trapped, Escape cancels;
 * closed, the focus goes back to the control that opened it, see useFocusReturn).
 */
import { useFocusReturn } from '../keepFocus';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  // a formula has no spaces to wrap at: it breaks anywhere rather than widening a 320 px pane
  list: { overflowWrap: 'anywhere', margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export interface ConfirmRequest {
  title: string;
  text: string;
  /** Items shown as a list under the text (cells that would break, …); absent or empty: none. */
  list?: string[];
  confirm: string;
  onConfirm: () => void;
}

export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  const styles = useStyles();
  useFocusReturn(request !== null);
  return (
    <Dialog open={request !== null} onOpenChange={(_, d) => !d.open && onClose()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{request?.title}</DialogTitle>
          <DialogContent>
            {request?.text}
            {request?.list?.length ? (
              <ul className={styles.list} aria-label="Wat er verandert">
                {request.list.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => {
                const r = request;
                onClose();
                r?.onConfirm();
              }}
            >
              {request?.confirm}
            </Button>
            <Button onClick={onClose}>Annuleren</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
