/**
 * The shared comment helpers (src/core/cellComments.ts) on hand-made snapshots (pure, fast):
 * the key of a comment, which kinds a snapshot did not read, and the comments and rows of one
 * sheet, each rule on its own (factorComments and the stap2 comment tests reach them only through
 * the questions on the template, at 15-40 s a mutant). Scored with StrykerJS against this file
 * alone (CONTRIBUTING.md, "Mutation testing", "Runs of 3 Dec").
 */
import { commentedRows, commentKey, commentKindsUnread, commentsOnRows } from '../../src/core/cellComments';
import type { CellCommentSnapshot, DefinitionKind, WorkbookSnapshot } from '../../src/core/snapshot';

const book = (comments: CellCommentSnapshot[] | undefined, unread?: DefinitionKind[]): WorkbookSnapshot => ({
  sheets: [{ name: 'Werkblad', values: [] }],
  definitions: { names: [], rules: [], ...(comments ? { comments } : {}), ...(unread ? { unread } : {}) },
});

const COMMENTS: CellCommentSnapshot[] = [
  { sheet: 'Werkblad', cell: 'E9', text: 'eerste' },
  { sheet: 'WERKBLAD', cell: 'A12', text: 'tweede' },
  { sheet: 'Longlist', cell: 'B9', text: 'ander blad' },
  { sheet: 'werkblad', cell: 'AA9', text: 'derde' },
  { sheet: 'Werkblad', cell: 'C10', text: 'niet gevraagd' },
];

describe('commentKey', () => {
  it('is the sheet without case and the cell in capitals', () => {
    expect(commentKey({ sheet: 'Werkblad Koppelkansen', cell: 'e9' })).toBe('comment|werkblad koppelkansen|E9');
    expect(commentKey({ sheet: 'WERKBLAD KOPPELKANSEN', cell: 'E9' })).toBe(commentKey({ sheet: 'werkblad koppelkansen', cell: 'e9' }));
  });
});

describe('commentKindsUnread', () => {
  it('both kinds when the snapshot has no definitions or no comments list', () => {
    expect(commentKindsUnread({ sheets: [] })).toEqual(['comments', 'notes']);
    expect(commentKindsUnread(book(undefined))).toEqual(['comments', 'notes']);
  });

  it('with a comments list (also an empty one): the kinds `unread` names, in the order comments, notes', () => {
    expect(commentKindsUnread(book([]))).toEqual([]);
    expect(commentKindsUnread(book(COMMENTS))).toEqual([]);
    expect(commentKindsUnread(book([], ['validations', 'notes']))).toEqual(['notes']);
    expect(commentKindsUnread(book([], ['notes', 'names', 'comments']))).toEqual(['comments', 'notes']);
    expect(commentKindsUnread(book([], ['comments']))).toEqual(['comments']);
  });
});

describe('commentsOnRows', () => {
  it("the sheet's comments (any case of its name) in the rows asked, in the order read, each as staying on its cell", () => {
    expect(commentsOnRows(book(COMMENTS), 'Werkblad', [9, 12])).toEqual([
      { sheet: 'Werkblad', cell: 'E9', text: 'eerste', effect: 'stays' },
      { sheet: 'WERKBLAD', cell: 'A12', text: 'tweede', effect: 'stays' },
      { sheet: 'werkblad', cell: 'AA9', text: 'derde', effect: 'stays' },
    ]);
    expect(commentsOnRows(book(COMMENTS), 'longlist', [9])).toEqual([{ sheet: 'Longlist', cell: 'B9', text: 'ander blad', effect: 'stays' }]);
  });

  it('none for no rows, another sheet, or a snapshot without comments', () => {
    expect(commentsOnRows(book(COMMENTS), 'Werkblad', [])).toEqual([]);
    expect(commentsOnRows(book(COMMENTS), 'Notulen', [9, 10, 12])).toEqual([]);
    expect(commentsOnRows(book(undefined), 'Werkblad', [9])).toEqual([]);
    expect(commentsOnRows({ sheets: [] }, 'Werkblad', [9])).toEqual([]);
  });
});

describe('commentedRows', () => {
  it("the rows of the sheet's comments (any case of its name), each once", () => {
    expect([...commentedRows(book(COMMENTS), 'werkblad')].sort((a, b) => a - b)).toEqual([9, 10, 12]);
    expect([...commentedRows(book(COMMENTS), 'Longlist')]).toEqual([9]);
  });

  it('none without a snapshot, without comments, or on another sheet', () => {
    expect(commentedRows(undefined, 'Werkblad').size).toBe(0);
    expect(commentedRows({ sheets: [] }, 'Werkblad').size).toBe(0);
    expect(commentedRows(book(COMMENTS), 'Notulen').size).toBe(0);
  });
});
