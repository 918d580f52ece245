/**
 * The guide's step conclusions ("Leg conclusie vast →", chapter 3) for Stap 1 and Stap 2,
 * word for word, in the Stap 1 and Stap 2 views and in the notulist's panel (Notulen),
 * from one source (CONCLUSION_QUESTIONS in src/core/layout.ts); Stap 1 with the guide's
 * dromen/drempels questions as prompts in both places. The wording below was checked
 * against the guide's text (Stap 1 ends "Leg conclusie vast →Wat is het gedeelde verhaal
 * van deze wijk?", Stap 2 "Leg conclusie vast → Over welk overzicht van opgaven,
 * succesfactoren en koppelkansen gaan jullie keuzes maken?").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { act, type ReactTestInstance } from 'react-test-renderer';
import { CONCLUSION_QUESTIONS } from '../../src/core/layout';
import { NotulenView } from '../../src/taskpane/views/NotulenView';
import { Stap1View } from '../../src/taskpane/views/Stap1View';
import { Stap2View } from '../../src/taskpane/views/Stap2View';
import { renderPanes, settle, texts } from '../helpers/paneHarness';
import { NOW, templateWorkbook } from '../helpers/stap2Workbook';

const STAP1 = 'Wat is het gedeelde verhaal van deze wijk?';
const STAP2 = 'Over welk overzicht van opgaven, succesfactoren en koppelkansen gaan jullie keuzes maken?';
/** The guide's first dromen and the first drempels question, with the wijk's name for "[naam wijk]". */
const DROMEN_FIRST = 'Wat gebeurt er om ons heen waardoor we op een vernieuwde wijze iets met Lelystad Oost willen?';
const DREMPELS_FIRST = 'Wat zit dit toekomstbeeld in de weg? En op welke termijn doet dit zich voor?';

/** The text of the italic question above each conclusion field. */
const questions = (root: ReactTestInstance): string[] =>
  root.findAll((n) => n.type === 'span' && typeof n.props.className === 'string' && texts(n) !== '' && [STAP1, STAP2].includes(texts(n))).map(texts);

/** Opens the accordion item whose header button reads `label` (exactly, or as a prefix with `prefix`), when it is closed. */
async function open(root: ReactTestInstance, label: string, prefix = false): Promise<void> {
  const header = root.findAll((n) => n.type === 'button' && (prefix ? texts(n).startsWith(label) : texts(n) === label))[0];
  if (!header) throw new Error(`no accordion header “${label}”`);
  if (header.props['aria-expanded'] === true || header.props['aria-expanded'] === 'true') return;
  await act(async () => header.props.onClick({ preventDefault: () => undefined, defaultPrevented: false }));
  await settle();
}

/** Opens both prompt lists of Stap 1 and returns all text. */
async function withPrompts(root: () => ReactTestInstance): Promise<string> {
  await open(root(), 'Dromen: vragen voor het gesprek');
  await open(root(), 'Drempels: vragen voor het gesprek');
  return texts(root());
}

async function render(view: Parameters<typeof renderPanes>[2]) {
  const wb = await templateWorkbook('Lelystad Oost');
  const [pane] = await renderPanes(wb, 1, view, () => NOW);
  return pane;
}

describe('the step conclusions word for word, in the step views and the notulist’s panel, from one source', () => {
  test('the source holds the guide’s wording', () => {
    expect(CONCLUSION_QUESTIONS.find((q) => q.stap === 'Stap 1')?.vraag).toBe(STAP1);
    expect(CONCLUSION_QUESTIONS.find((q) => q.stap === 'Stap 2')?.vraag).toBe(STAP2);
  });

  test('no other file of src/ spells the questions out: every view takes them from CONCLUSION_QUESTIONS', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|html)$/.test(name)) files.push(path);
      }
    };
    const src = join(__dirname, '..', '..', 'src');
    walk(src);
    for (const q of [STAP1, STAP2]) {
      const holding = files.filter((f) => readFileSync(f, 'utf8').includes(`'${q}'`)).map((f) => relative(src, f).replace(/\\/g, '/'));
      expect(holding).toEqual(['core/layout.ts']);
    }
  });

  test('Stap 1 shows its question and the dromen/drempels prompts', async () => {
    const pane = await render((s) => <Stap1View session={s} />);
    expect(questions(pane.root())).toEqual([STAP1]);
    const all = await withPrompts(pane.root);
    expect(all).toContain(DROMEN_FIRST);
    expect(all).toContain(DREMPELS_FIRST);
    pane.unmount();
  });

  test('Stap 2 shows its question', async () => {
    const pane = await render((s) => <Stap2View session={s} />);
    expect(questions(pane.root())).toEqual([STAP2]);
    pane.unmount();
  });

  test('the notulist’s panel shows both, Stap 1 with the same prompts', async () => {
    const pane = await render((s) => <NotulenView session={s} />);
    await open(pane.root(), 'Stap 1: leg conclusie vast', true);
    await open(pane.root(), 'Stap 2: leg conclusie vast', true);
    expect(questions(pane.root()).sort()).toEqual([STAP2, STAP1].sort());
    const all = await withPrompts(pane.root);
    expect(all).toContain(DROMEN_FIRST);
    expect(all).toContain(DREMPELS_FIRST);
    pane.unmount();
  });
});
