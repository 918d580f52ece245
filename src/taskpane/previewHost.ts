/**
 * Host services for the browser preview: selecting a cell shows it in the page's grid,
 * storage and downloads are the browser's (./browserServices).
 */
import type { HostServices } from './session';
import { blobDownload, browserStorage, type Storage } from './browserServices';

/** The preview's host: selecting a cell calls `onSelectCell` (the page's grid shows it). */
export function createPreviewHost(onSelectCell: (sheet: string, cell: string) => void, storage: Storage = browserStorage()): HostServices {
  return {
    kind: 'preview',
    selectCell: async (sheet, cell) => onSelectCell(sheet, cell),
    download: blobDownload,
    storage,
    requirementError: null,
  };
}
