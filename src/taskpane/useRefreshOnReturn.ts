/**
 * Re-reads the workbook when the pane gets focus back or becomes visible again: in Excel
 * on the web picking a value from a dropdown may not fire onChanged, so the pane catches
 * up when the user returns to it.
 */
import { useEffect } from 'react';

export function useRefreshOnReturn(refresh: () => Promise<void>, minIntervalMs = 1000): void {
  useEffect(() => {
    let last = 0;
    const maybe = () => {
      const now = Date.now();
      if (now - last < minIntervalMs) return;
      last = now;
      void refresh();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') maybe();
    };
    window.addEventListener('focus', maybe);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('focus', maybe);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [refresh, minIntervalMs]);
}
