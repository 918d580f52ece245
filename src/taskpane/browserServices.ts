/**
 * Browser services shared by the Excel entry and the browser preview: a small key/value
 * store (localStorage) and file downloads through a Blob. The Excel entry imports this
 * module, never the preview's host.
 */
import type { HostServices } from './session';

export type Storage = HostServices['storage'];

/** localStorage, or an in-memory map when the browser refuses it (private mode, file://). */
export function browserStorage(): Storage {
  const memory = new Map<string, string>();
  const ls = (() => {
    try {
      const s = window.localStorage;
      const probe = '__koppelkansen_probe__';
      s.setItem(probe, '1');
      s.removeItem(probe);
      return s;
    } catch {
      return null;
    }
  })();
  return {
    get: (key) => (ls ? ls.getItem(key) : (memory.get(key) ?? null)),
    set: (key, value) => {
      if (ls) {
        try {
          ls.setItem(key, value);
          return;
        } catch {
          // quota or privacy settings: keep it for this session
        }
      }
      memory.set(key, value);
    },
    keys: () => {
      const found = new Set(memory.keys());
      try {
        if (ls) for (let i = 0; i < ls.length; i++) found.add(ls.key(i) ?? '');
      } catch {
        // privacy settings: only what this session kept
      }
      found.delete('');
      return [...found];
    },
    remove: (key) => {
      memory.delete(key);
      try {
        ls?.removeItem(key);
      } catch {
        // privacy settings: nothing was kept there
      }
    },
  };
}

/** Offers bytes as a file download through a temporary object URL. */
export function blobDownload(fileName: string, bytes: Uint8Array, mime: string): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
