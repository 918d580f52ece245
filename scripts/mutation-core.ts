/**
 * Mutation score of the whole engine (every .ts file under src/core), module by module.
 *
 * One Stryker run over all of src/core against the whole core suite would take more than
 * a day on the shared 2-core machine (a mutant of names.ts, a1.ts or werkblad.ts is covered
 * by hundreds of workbook tests). So each group below mutates a few files and runs only the
 * tests that are about them (their unit tests in tests/core, plus the contract or plan tests
 * that exercise them); Stryker's perTest coverage then runs only the tests that reach a
 * mutant. Each group writes out/mutation/<group>.json; the table merges them.
 *
 *   npm run mutation:core                         all groups, then the table
 *   npm run mutation:core -- --groups a1,dates    only these groups, in this order, then the table
 *   npm run mutation:core -- --from dates         the groups from this one on
 *   npm run mutation:core -- --until 22:05        start no group after 22:05 UTC and stop
 *                                                 the one running then (reported as not run)
 *   npm run mutation:core -- --groups analyze --files merges.ts,longlist.ts
 *                                                 only these files of the groups (a group split
 *                                                 in parts: out/mutation/<group>~<files>.json)
 *   npm run mutation:core -- --table              only merge the reports already there
 *
 * Stryker runs at the lowest CPU and IO priority (nice 19, ionice idle class) with
 * concurrency 1, so others' short runs stay fast; never run two Stryker runs at a time.
 * The table counts mutants the way Stryker's "mutation score" does:
 * (killed + timeout) / (killed + timeout + survived + no coverage). Static mutants
 * (ignoreStatic, see stryker.config.mjs), compile and runtime errors are not counted.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'out', 'mutation');

interface Group {
  /** The report name: out/mutation/<name>.json. */
  name: string;
  /** Files under src/core that this group mutates (each file in exactly one group). */
  mutate: string[];
  /** Test files: names in tests/core, or paths under tests/ with a slash (see stryker.config.mjs). */
  tests: string[];
  /**
   * Environment for the run: the dates group runs on a machine clock 8 hours behind UTC, so a
   * workbook date formatted on the machine's zone instead of UTC shows in its own tests (as
   * datesTimeZone.test.ts checks in child processes, which a mutation run cannot see into).
   */
  env?: Record<string, string>;
}

/**
 * The groups, in the order they run: first the modules with the team's rules (werkblad
 * totals, ranking, Prioritering, rondes, keuzelijsten, formulas, stap 2, succesfactoren,
 * notes, A1 addresses, dates, numbers), then the rest; the plan builder last (its tests
 * build whole workbooks, so its mutants are the slowest).
 */
const GROUPS: Group[] = [
  { name: 'numbers', mutate: ['numbers.ts'], tests: ['numbers'] },
  { name: 'a1', mutate: ['a1.ts'], tests: ['a1', 'protection'] },
  { name: 'dates', mutate: ['dates.ts'], tests: ['dates', 'workbook/office/dateSystem'], env: { TZ: 'America/Los_Angeles' } },
  { name: 'ranking', mutate: ['ranking.ts'], tests: ['ranking', 'minimalMove'] },
  { name: 'prioritering', mutate: ['prioritering.ts'], tests: ['prioritering', 'namedMutations'] },
  { name: 'rondes', mutate: ['rondes.ts'], tests: ['rondes', 'rondesRules', 'rondesMerge'] },
  {
    name: 'stap2',
    mutate: ['stap2.ts'],
    tests: ['stap2', 'stap2Rules', 'stap2Own', 'stap2Select', 'stap2TeamText', 'stap2DeselectComments', 'stap2MinderConcreet'],
  },
  { name: 'wijk', mutate: ['wijk.ts'], tests: ['wijk'] },
  // factorColumns: the column insert/delete way (shiftedFactors)
  { name: 'factors', mutate: ['factors.ts'], tests: ['factors', 'factorsRules', 'factorColumns'] },
  { name: 'notes', mutate: ['notes.ts'], tests: ['notes'] },
  { name: 'werkblad', mutate: ['werkblad.ts'], tests: ['werkblad', 'werkbladTotals', 'werkbladLayout', 'ranking'] },
  { name: 'keuzelijsten', mutate: ['keuzelijsten.ts'], tests: ['keuzelijstenValues', 'formulaStamp', 'nameMatchFallback'] },
  { name: 'formulas', mutate: ['formulas.ts'], tests: ['plan', 'factors', 'formulaStamp'] },
  { name: 'names', mutate: ['names.ts'], tests: ['names', 'nameRisk'] },
  { name: 'errors', mutate: ['errors.ts'], tests: ['errors'] },
  { name: 'protection', mutate: ['protection.ts'], tests: ['protection'] },
  { name: 'keyedRows', mutate: ['keyedRows.ts'], tests: ['keyedRows', 'workbook/simulate.contract'] },
  { name: 'columnShift', mutate: ['columnShift.ts'], tests: ['columnShift'] },
  // its factorRemovalImpact builds a plan (planWithEdit) per case: the slowest of the unit groups;
  // factorMoveFormulas and factorRemovalContent are the tests of its reorder check
  // (formulasReadingRewrite, factorMoveImpact) and of the removal's content by cell; factorMoveNamesDynamic
  // and factorComments test the names, not-checkable formulas and comments in both questions
  {
    name: 'referenceBreaks',
    mutate: ['referenceBreaks.ts'],
    tests: [
      'referenceChecks',
      'referenceBreaks',
      'factorMoveFormulas',
      'factorRemovalContent',
      'factorMoveNamesDynamic',
      'factorComments',
      'factorMoveRules',
      'indirectFixedText',
      'factorAddIndirect',
      // lines 801 to the end: the cases of the 3 Dec d check (validations and a scoped name in a removal, the move and add questions)
      'factorRemovalValidations',
      'factorRemovalNames',
      'factorQuestionEdges',
      // a removal that removeFactorEdit refuses, and the move and add questions' cases of 3 Dec e
      'factorRemovalRefused',
      'factorAddMoveQuestions',
    ],
  },
  // the comments and notes on cells that a factor edit or a deselect names, and the rows a new koppelkans avoids
  { name: 'cellComments', mutate: ['cellComments.ts'], tests: ['cellComments', 'factorComments', 'stap2DeselectComments', 'stap2SelectSkipsComments'] },
  { name: 'checklist', mutate: ['checklist.ts', 'checklistStatus.ts', 'defaults.ts'], tests: ['checklist', 'checklistRead', 'notes', 'defaults'] },
  { name: 'problems', mutate: ['problems.ts'], tests: ['problems', 'werkblad', 'werkbladTotals', 'a1', 'teamContent'] },
  { name: 'edits', mutate: ['edits.ts', 'textSafety.ts'], tests: ['edits', 'editsInput', 'textSafety', 'namedMutations', 'notes'] },
  { name: 'formulaStamp', mutate: ['formulaStamp.ts', 'interleaved.ts'], tests: ['formulaStamp'] },
  { name: 'deelnemers', mutate: ['deelnemers.ts', 'topChart.ts'], tests: ['deelnemersChart', 'topChart', 'deelnemers'] },
  // the robustness analysis and its block on Resultaat, each against its own pure test (runs of 3 Dec d): the
  // properties of gevoeligheid.test.ts (top 15, ~1.5 s each) and the whole plans of gevoeligheidSheet made it ~2 hours
  { name: 'gevoeligheid', mutate: ['gevoeligheid.ts'], tests: ['gevoeligheidUnit'] },
  { name: 'planGevoeligheid', mutate: ['plan/gevoeligheid.ts'], tests: ['gevoeligheidBlock'] },
  // the onderbouwing's model and sheet each against its own pure test (runs of 3 Dec c and 3 Dec d: about 9 and
  // 2 minutes); textMetrics with the tests it was scored with (1 Dec c)
  { name: 'onderbouwing', mutate: ['onderbouwing.ts'], tests: ['onderbouwingModel'] },
  { name: 'onderbouwingSheet', mutate: ['onderbouwingSheet.ts'], tests: ['onderbouwingSheetUnit'] },
  { name: 'textMetrics', mutate: ['textMetrics.ts'], tests: ['onderbouwingSheet', 'printSetup', 'textMetrics'] },
  // no 'properties' in the groups below: its 660 random workbooks cover every mutant of the
  // analysis and the plan builder, which made one mutant cost ~20 s (773 mutants of analyze:
  // ~5 hours); the example tests listed pin the same rules
  // analyze and reanalyze against their own pure tests (runs of 3 Dec c: about 2 and 8 minutes)
  { name: 'analyze', mutate: ['analyze.ts', 'reanalyze.ts'], tests: ['analyzeUnit', 'reanalyzeUnit'] },
  {
    name: 'longlist',
    mutate: ['longlist.ts', 'merges.ts'],
    tests: ['longlistMerges', 'analyzeKeptRows', 'werkblad', 'werkbladTotals', 'stap2Rules', 'problems'],
  },
  { name: 'resultaatChart', mutate: ['resultaatChart.ts'], tests: ['resultaatChart', 'workbook/office/officeWorkbook'] },
  // the plan builder's parts, each against its own pure test (runs of 3 Dec b and c): the plan
  // tests reach them only through whole plans, about 20 s a mutant
  { name: 'planOccupied', mutate: ['plan/occupied.ts'], tests: ['occupiedMerges'] },
  { name: 'planValidations', mutate: ['plan/validations.ts'], tests: ['planValidations'] },
  { name: 'planResultaat', mutate: ['plan/resultaat.ts'], tests: ['resultaatPlan'] },
  { name: 'planWerkblad', mutate: ['plan/werkblad.ts'], tests: ['werkbladPlan'] },
  { name: 'planLonglist', mutate: ['plan/longlist.ts'], tests: ['longlistPlan'] },
  { name: 'planPrioritering', mutate: ['plan/prioritering.ts'], tests: ['prioriteringPlan'] },
  { name: 'planNotulen', mutate: ['plan/notulen.ts'], tests: ['notulenPlan'] },
  { name: 'planChecklist', mutate: ['plan/checklist.ts'], tests: ['checklistPlan'] },
  { name: 'plan', mutate: ['plan/index.ts', 'plan/context.ts'], tests: ['planIndex', 'planContext'] },
  // what the plan builder stands on, each against its own pure test where it has one
  { name: 'diff', mutate: ['diff.ts'], tests: ['planDiff', 'sameFormula'] },
  { name: 'grid', mutate: ['grid.ts', 'layout.ts', 'snapshot.ts'], tests: ['grid', 'layoutNames'] },
  { name: 'template', mutate: ['template.ts'], tests: ['newWorkbookPlan'] },
  { name: 'simulate', mutate: ['simulate.ts'], tests: ['simulateUnit'] },
];

/** Every .ts file under src/core, as paths relative to src/core ('plan/index.ts'). */
function coreFiles(dir = join(ROOT, 'src', 'core')): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return coreFiles(path);
    return entry.endsWith('.ts') ? [relative(join(ROOT, 'src', 'core'), path)] : [];
  });
}

/** Fails when a file under src/core is in no group or in two: the table must cover all. */
function checkGroups(): void {
  const seen = new Map<string, string>();
  for (const group of GROUPS)
    for (const file of group.mutate) {
      const other = seen.get(file);
      if (other) throw new Error(`${file} is in groups ${other} and ${group.name}`);
      seen.set(file, group.name);
    }
  const missing = coreFiles().filter((file) => !seen.has(file));
  if (missing.length) throw new Error(`in no group: ${missing.join(', ')}`);
  const gone = [...seen.keys()].filter((file) => !existsSync(join(ROOT, 'src', 'core', file)));
  if (gone.length) throw new Error(`no such file in src/core: ${gone.join(', ')}`);
}

/** The report name of a group, or of the part of it that `files` names (all of it when undefined). */
function reportName(group: Group, files: string[] | undefined): string {
  if (!files || files.length === group.mutate.length) return group.name;
  return `${group.name}~${files.map((f) => f.replace(/\.ts$/, '').replace(/\//g, '-')).join('+')}`;
}

/**
 * Runs Stryker for one group (or the part of it in `files`); false when it was stopped at
 * the deadline or failed.
 */
function runGroup(group: Group, deadline: number | undefined, files = group.mutate): boolean {
  const timeout = deadline === undefined ? undefined : Math.max(0, deadline - Date.now());
  const started = new Date().toISOString();
  console.log(`${started} group ${group.name}: ${files.join(' ')} <- ${group.tests.join(',')}`);
  const args = ['-n', '19', 'ionice', '-c3', 'node_modules/.bin/stryker', 'run', '--concurrency', '1'];
  // one --mutate with a comma-separated list: Stryker keeps only the last of repeated flags
  args.push('--mutate', files.map((file) => `src/core/${file}`).join(','));
  const result = spawnSync('nice', args, {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...group.env, STRYKER_TESTS: group.tests.join(','), STRYKER_REPORT: reportName(group, files) },
    timeout,
    killSignal: 'SIGINT',
  });
  if (result.error || result.status !== 0) {
    console.log(`group ${group.name} stopped (${result.error?.message ?? `exit ${result.status}`})`);
    return false;
  }
  return true;
}

interface Counts {
  mutants: number;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  errors: number;
}

interface MutantResult {
  status: string;
}
interface Report {
  files: Record<string, { mutants: MutantResult[] }>;
  testFiles?: Record<string, unknown>;
}

function count(mutants: MutantResult[]): Counts {
  const c: Counts = { mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  for (const { status } of mutants) {
    c.mutants++;
    if (status === 'Killed') c.killed++;
    else if (status === 'Timeout') c.timeout++;
    else if (status === 'Survived') c.survived++;
    else if (status === 'NoCoverage') c.noCoverage++;
    else if (status === 'Ignored') c.ignored++;
    else c.errors++;
  }
  return c;
}

const scored = (c: Counts) => c.killed + c.timeout + c.survived + c.noCoverage;
const score = (c: Counts) => (scored(c) ? `${((100 * (c.killed + c.timeout)) / scored(c)).toFixed(1)} %` : '-');

/**
 * The reports of a group, newest first: out/mutation/<group>.json (the whole group) and
 * <group>~<files>.json (parts of it, see --files).
 */
function groupReports(group: Group): Report[] {
  if (!existsSync(OUT)) return [];
  return readdirSync(OUT)
    .filter((f) => f === `${group.name}.json` || (f.startsWith(`${group.name}~`) && f.endsWith('.json')))
    .map((f) => join(OUT, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    .map((path) => JSON.parse(readFileSync(path, 'utf8')) as Report);
}

/** The per-file Markdown table from the groups' reports (a file's newest), files not run marked so. */
function table(): string {
  const rows: string[] = [
    '| file | tests | mutants | killed | timeout | survived | no coverage | static / errors | score |',
    '| ---- | ----- | ------: | -----: | ------: | -------: | ----------: | --------------: | ----: |',
  ];
  const total: Counts = { mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  const notRun: string[] = [];
  for (const group of GROUPS) {
    const reports = groupReports(group);
    for (const file of group.mutate) {
      const key = `src/core/${file}`;
      const report = reports.find((r) => r.files[key]);
      const result = report?.files[key];
      if (!report) {
        notRun.push(key);
        continue;
      }
      const c = count(result?.mutants ?? []);
      for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
      const cells = [c.mutants, c.killed, c.timeout, c.survived, c.noCoverage, `${c.ignored} / ${c.errors}`];
      // the tests the run really used, from the report (a group may have changed since)
      const tests = Object.keys(report.testFiles ?? {}).map((f) => f.replace(/^tests\/(core\/)?/, '').replace(/\.test\.ts$/, ''));
      rows.push(`| \`${key}\` | ${tests.join(', ')} | ${cells.join(' | ')} | ${score(c)} |`);
    }
  }
  const cells = [total.mutants, total.killed, total.timeout, total.survived, total.noCoverage];
  rows.push(`| **total** | | ${cells.join(' | ')} | ${total.ignored} / ${total.errors} | **${score(total)}** |`);
  if (notRun.length) rows.push('', `Not run: ${notRun.join(', ')}`);
  return rows.join('\n');
}

function main(): void {
  checkGroups();
  const argv = process.argv.slice(2);
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (!argv.includes('--table')) {
    const only = option('--groups')?.split(',');
    const from = option('--from');
    const unknown = [...(only ?? []), ...(from ? [from] : [])].filter((name) => !GROUPS.some((g) => g.name === name));
    if (unknown.length) throw new Error(`unknown group(s): ${unknown.join(', ')}`);
    const until = option('--until');
    let deadline: number | undefined;
    if (until) {
      const [h, m] = until.split(':').map(Number);
      const d = new Date();
      d.setUTCHours(h, m, 0, 0);
      // a time past midnight given before midnight (--until 00:45 at 23:10) is tomorrow's;
      // one less than 12 hours ago is today's (already passed: nothing runs)
      deadline = d.getTime() < Date.now() - 12 * 3600_000 ? d.getTime() + 24 * 3600_000 : d.getTime();
    }
    const files = option('--files')?.split(',');
    const stray = (files ?? []).filter((file) => !GROUPS.some((g) => g.mutate.includes(file)));
    if (stray.length) throw new Error(`in no group: ${stray.join(', ')}`);
    const first = from ? GROUPS.findIndex((g) => g.name === from) : 0;
    // --groups runs its groups in the order given (most important first), --from in table order
    const todo = only ? only.map((name) => GROUPS.find((g) => g.name === name)!) : GROUPS.slice(first);
    for (const group of todo) {
      const part = files ? group.mutate.filter((file) => files.includes(file)) : group.mutate;
      if (part.length === 0) continue;
      if (deadline !== undefined && Date.now() >= deadline) break;
      if (!runGroup(group, deadline, part) && deadline !== undefined && Date.now() >= deadline) break;
    }
  }
  console.log(table());
}

if (require.main === module) main();
