import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { contractSuite } from './contract';

contractSuite({
  name: 'memory',
  create: async () => new MemoryWorkbook(),
  reopen: async (wb) => wb,
  withTeamDefinitions: async (wb, team) => {
    const m = wb as MemoryWorkbook;
    for (const n of team.names) m.defineName(n.name, n.formula, n.scope);
    for (const cf of team.conditionalFormats) m.addConditionalFormat(cf.sheet, cf.ranges, cf.formulas);
    for (const c of team.comments ?? []) m.addComment(c.sheet, c.cell, c.text);
    return wb;
  },
  protect: async (wb, sheet, options) => {
    (wb as MemoryWorkbook).protectSheet(sheet, options);
    return wb;
  },
});
