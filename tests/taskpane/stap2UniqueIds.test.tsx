/**
 * Regression: the Stap 2 pane derived its element ids from the names, by stripping every
 * character but a-z and 0-9, so two opgaven "Wonen*" and "Wonen?" (or "Café" and "Cafe")
 * got the same ids and aria-describedby, aria-labelledby and the headings of their
 * koppelkansen pointed at the other opgave's text. Rendered with react-test-renderer
 * over the pane's real session and a memory workbook; every id reference is resolved
 * against the rendered tree, as a screen reader would.
 */
import { act, type ReactTestInstance } from 'react-test-renderer';
import { ownKoppelkansEdit, ownOpgaveEdit } from '../../src/core/stap2';
import { Stap2View } from '../../src/taskpane/views/Stap2View';
import { renderPanes, settle, texts } from '../helpers/paneHarness';
import { mustEdit, NOW, templateWorkbook } from '../helpers/stap2Workbook';

/** Own opgaven whose names differ only in punctuation or accents, each with its own toelichting and own koppelkans. */
const OPGAVEN = [
  { opgave: 'Wonen*', toelichting: 'Toelichting bij wonen met ster', koppelkans: 'Café', kkToelichting: 'Koppelkans café met accent' },
  { opgave: 'Wonen?', toelichting: 'Toelichting bij wonen met vraagteken', koppelkans: 'Cafe', kkToelichting: 'Koppelkans cafe zonder accent' },
  { opgave: 'Café', toelichting: 'Toelichting bij opgave café', koppelkans: 'Wonen*', kkToelichting: 'Koppelkans wonen met ster' },
  { opgave: 'Cafe', toelichting: 'Toelichting bij opgave cafe', koppelkans: 'Wonen?', kkToelichting: 'Koppelkans wonen met vraagteken' },
];

/** A second own koppelkans of the last opgave, after its first. */
const EXTRA = { koppelkans: 'Later toegevoegd', toelichting: 'Extra koppelkans achteraan' };

async function renderStap2() {
  const wb = await templateWorkbook('Oost');
  for (const o of OPGAVEN) {
    await mustEdit(wb, (s) => ownOpgaveEdit(s.ctx, s.analysis, o.opgave, o.toelichting));
    await mustEdit(wb, (s) => ownKoppelkansEdit(s.ctx, s.analysis, o.opgave, o.koppelkans, o.kkToelichting));
  }
  const last = OPGAVEN[OPGAVEN.length - 1].opgave;
  await mustEdit(wb, (s) => ownKoppelkansEdit(s.ctx, s.analysis, last, EXTRA.koppelkans, EXTRA.toelichting));
  const [pane] = await renderPanes(
    wb,
    1,
    (s) => <Stap2View session={s} />,
    () => NOW,
  );
  return pane;
}

/** Every host element (DOM node) of the tree. */
const hostNodes = (root: ReactTestInstance) => root.findAll((n) => typeof n.type === 'string');

/** The host elements carrying `id`. */
const withId = (root: ReactTestInstance, id: string) => hostNodes(root).filter((n) => n.props.id === id);

/** Every id the tree refers to (aria-describedby, aria-labelledby, aria-controls, htmlFor), with the referring node. */
function references(root: ReactTestInstance): { attr: string; id: string; node: ReactTestInstance }[] {
  const out: { attr: string; id: string; node: ReactTestInstance }[] = [];
  for (const n of hostNodes(root)) {
    for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls', 'htmlFor']) {
      const v = n.props[attr];
      if (typeof v === 'string') for (const id of v.split(/\s+/).filter(Boolean)) out.push({ attr, id, node: n });
    }
  }
  return out;
}

/** Ids that more than one host element carries. */
function duplicateIds(root: ReactTestInstance): string[] {
  const count = new Map<string, number>();
  for (const n of hostNodes(root)) if (typeof n.props.id === 'string') count.set(n.props.id, (count.get(n.props.id) ?? 0) + 1);
  return [...count].filter(([, c]) => c > 1).map(([id]) => id);
}

describe('Stap 2 element ids are unique whatever the names (regression: ids were the names stripped to a-z0-9)', () => {
  it('"Wonen*" and "Wonen?" (and "Café" and "Cafe") get distinct ids, and each checkbox and heading points at its own text', async () => {
    const pane = await renderStap2();
    const root = pane.root();
    for (const o of OPGAVEN) {
      // the opgave's checkbox is described by its own toelichting, in exactly one element
      const box = root.findAll((n) => n.type === 'input' && n.props['data-opgave'] === o.opgave)[0];
      expect(box).toBeDefined();
      const described = box.props['aria-describedby'] as string;
      expect(withId(root, described)).toHaveLength(1);
      expect(texts(withId(root, described)[0])).toBe(o.toelichting);

      // the koppelkansen group of the opgave is labelled by its own heading
      const heading = root.findAll((n) => n.type === 'h4' && texts(n) === o.opgave)[0];
      expect(heading).toBeDefined();
      const group = root.findAll((n) => n.type === 'section' && n.props['aria-labelledby'] === heading.props.id);
      expect(group).toHaveLength(1);
      expect(withId(root, heading.props.id as string)).toHaveLength(1);

      // the own koppelkans's checkbox is described by its own toelichting
      const kk = group[0].findAll((n) => n.type === 'input' && n.props['data-koppelkans'] === JSON.stringify([o.opgave, o.koppelkans]))[0];
      expect(kk).toBeDefined();
      const kkDescribed = kk.props['aria-describedby'] as string;
      expect(withId(root, kkDescribed)).toHaveLength(1);
      expect(texts(withId(root, kkDescribed)[0])).toBe(o.kkToelichting);
    }
    // the four opgaven's ids are four different ids
    const boxIds = OPGAVEN.map((o) => root.findAll((n) => n.type === 'input' && n.props['data-opgave'] === o.opgave)[0].props['aria-describedby']);
    expect(new Set(boxIds).size).toBe(OPGAVEN.length);
    pane.unmount();
  });

  it('a search that hides the koppelkans before it leaves a shown one’s ids as they were, and still pointing at its own text', async () => {
    const pane = await renderStap2();
    const extraBox = (root: ReactTestInstance) =>
      root.findAll((n) => n.type === 'input' && n.props['data-koppelkans'] === JSON.stringify([OPGAVEN[OPGAVEN.length - 1].opgave, EXTRA.koppelkans]))[0];
    const before = extraBox(pane.root()).props['aria-describedby'] as string;
    const search = pane.root().findAll((n) => n.type === 'input' && n.props.type === 'search')[0];
    await act(async () => search.props.onChange({ target: { value: 'achteraan' }, currentTarget: { value: 'achteraan' } }));
    await settle();
    const root = pane.root();
    // only the koppelkans whose toelichting matches is shown
    expect(root.findAll((n) => n.type === 'input' && typeof n.props['data-koppelkans'] === 'string')).toHaveLength(1);
    expect(extraBox(root).props['aria-describedby']).toBe(before);
    expect(texts(withId(root, before)[0])).toBe(EXTRA.toelichting);
    expect(duplicateIds(root)).toEqual([]);
    pane.unmount();
  });

  it('the whole Stap 2 view, every panel open, has no duplicate id and every id reference resolves to exactly one element', async () => {
    const pane = await renderStap2();
    // open the collapsed Succesfactoren panel too
    const header = pane.root().findAll((n) => n.type === 'button' && texts(n).startsWith('Succesfactoren ('))[0];
    await act(async () => header.props.onClick({ preventDefault: () => undefined, defaultPrevented: false }));
    await settle();
    const root = pane.root();
    expect(root.findAll((n) => n.type === 'ul' && n.props['aria-label'] === 'Succesfactoren')).toHaveLength(1);
    expect(duplicateIds(root)).toEqual([]);
    const refs = references(root);
    expect(refs.length).toBeGreaterThan(OPGAVEN.length * 3);
    const unresolved = refs.filter((r) => withId(root, r.id).length !== 1).map((r) => `${r.attr}=${r.id}`);
    expect(unresolved).toEqual([]);
    pane.unmount();
  });
});
