/**
 * Regressions found when issue 11 was reviewed as a new gemeente user:
 * - the Stap 1 prompts left out questions of the guide ("Zijn we al in de donuteconomie?",
 *   the team's own question) and merged two others;
 * - Prioritering on a werkblad without koppelkansen said "Alle koppelkansen staan al in de
 *   lijst" while the list was empty (the issue's own complaint);
 * - the pane's Resultaat did not show the wijk it is about.
 * Views rendered with react-test-renderer over the pane's real session and a memory workbook.
 */
import { STAP1_PROMPTS } from '../../src/core/layout';
import { wijkEdit } from '../../src/core/wijk';
import { PrioriteringView } from '../../src/taskpane/views/PrioriteringView';
import { ResultaatView } from '../../src/taskpane/views/ResultaatView';
import { renderPanes, texts } from '../helpers/paneHarness';
import { mustEdit, NOW, templateWorkbook } from '../helpers/stap2Workbook';

const now = () => NOW;

describe('Stap 1 prompts follow the guide (chapter 3, Stap 1, DROMEN and DREMPELS)', () => {
  const all = (soort: 'Dromen' | 'Drempels') => STAP1_PROMPTS.find((p) => p.soort === soort)!.vragen.flatMap((v) => [v.vraag, ...v.deelvragen]);

  test('every question of the guide in its order and wording (regression: "Zijn we al in de donuteconomie?" and the own question were missing)', () => {
    expect(all('Dromen')).toEqual([
      'Wat gebeurt er om ons heen waardoor we op een vernieuwde wijze iets met [naam wijk] willen?',
      'Waarom vind ik het (persoonlijk) belangrijk dat [naam wijk] een integraal toekomstbestendige invulling krijgt?',
      'In een wereld waarin alles kan, hoe ziet [naam wijk] er in de toekomst uit?',
      'Wie wonen er en hoe voelt het hier te wonen?',
      'Hoe zijn we voorbereid op een veranderend klimaat, zowel in de gebouwen als in de openbare ruimte?',
      'Wat is nieuw (gebouwd)? En wie is daarbij betrokken?',
      'Hoe dicht bij de duurzame ambities zijn we? Zijn we al in de donuteconomie?',
      'Jullie eigen vraag vanuit een relevante invalshoek (vul zelf in).',
      'Welk gedeeld toekomstbeeld ontstaat?',
      'Wat vraagt dit toekomstbeeld van ons om anders te doen dan normaal? Waar kunnen we nu al mee beginnen?',
      'Waarin zitten de grootste verschillen?',
      'Met welk van deze verschillen moeten we rekening mee houden?',
    ]);
    expect(all('Drempels')).toEqual([
      'Wat zit dit toekomstbeeld in de weg? En op welke termijn doet dit zich voor?',
      'Wat daarvan is binnen onze invloedssfeer?',
      'Welke korte termijn beperkingen zijn er?',
    ]);
  });

  test('the werkvorm the guide suggests comes with its question', () => {
    const werkvorm = (start: string) =>
      STAP1_PROMPTS.flatMap((p) => p.vragen)
        .find((v) => v.vraag.startsWith(start))
        ?.werkvorm.trim();
    expect(werkvorm('Waarom vind ik')).toBe('individueel antwoord');
    expect(werkvorm('Welk gedeeld toekomstbeeld')).toBe('gesprek over rode draad, n.a.v. bovenstaande vragen');
    expect(werkvorm('Welke korte termijn')).toMatch(/berenmatrix/);
  });
});

describe('views before any koppelkans is chosen', () => {
  test('Prioritering on a werkblad without koppelkansen points to Stap 2 (regression: "Alle koppelkansen staan al in de lijst" while the list was empty)', async () => {
    const wb = await templateWorkbook('Oost');
    const [pane] = await renderPanes(wb, 1, (s) => <PrioriteringView session={s} />, now);
    const all = texts(pane.root());
    expect(all).toContain('Kies ze eerst bij Stap 2');
    const combobox = pane.root().findAll((n) => n.type === 'input' && n.props.role === 'combobox')[0];
    expect(combobox.props.placeholder).toBe('Nog geen koppelkansen op het werkblad (kies ze bij Stap 2)');
    expect(all).not.toContain('Alle koppelkansen staan al in de lijst');
    pane.unmount();
  });
});

describe('the wijk wherever the product shows it', () => {
  test('the pane’s Resultaat names the wijk set in Stap 1 (regression: only the sheet did)', async () => {
    const wb = await templateWorkbook();
    await mustEdit(wb, (s) => wijkEdit(s.snapshot, 'Lelystad Oost'));
    const [pane] = await renderPanes(wb, 1, (s) => <ResultaatView session={s} />, now);
    const heading = pane.root().findAll((n) => n.type === 'h2')[0];
    expect(texts(heading)).toBe('Top 15 – Lelystad Oost');
    pane.unmount();
  });
});
