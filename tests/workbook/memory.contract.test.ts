import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { contractSuite } from './contract';

contractSuite({
  name: 'memory',
  create: async () => new MemoryWorkbook(),
  reopen: async (wb) => wb,
  protect: async (wb, sheet, options) => {
    (wb as MemoryWorkbook).protectSheet(sheet, options);
    return wb;
  },
});
