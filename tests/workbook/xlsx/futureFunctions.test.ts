import { addFutureFunctionPrefixes as add, stripFutureFunctionPrefixes as strip } from '../../../src/workbook/xlsx/futureFunctions';

describe('_xlfn prefixes for functions newer than Excel 2007', () => {
  test.each([
    ['=AGGREGATE(14,6,A1:A3,1)', '=_xlfn.AGGREGATE(14,6,A1:A3,1)'],
    ['=IFS(A1>0,1,TRUE,0)', '=_xlfn.IFS(A1>0,1,TRUE,0)'],
    ['=MAXIFS(A:A,B:B,"x")', '=_xlfn.MAXIFS(A:A,B:B,"x")'],
    ['=MINIFS(A:A,B:B,"x")', '=_xlfn.MINIFS(A:A,B:B,"x")'],
    ['=TEXTJOIN(",",TRUE,A1:A3)', '=_xlfn.TEXTJOIN(",",TRUE,A1:A3)'],
    ['=CONCAT(A1,B1)', '=_xlfn.CONCAT(A1,B1)'],
    ['=XLOOKUP(A1,B:B,C:C)', '=_xlfn.XLOOKUP(A1,B:B,C:C)'],
    ['=FILTER(A1:A9,B1:B9>0)', '=_xlfn._xlws.FILTER(A1:A9,B1:B9>0)'],
    ['=UNIQUE(A1:A9)', '=_xlfn.UNIQUE(A1:A9)'],
    ['=SORT(A1:A9)', '=_xlfn._xlws.SORT(A1:A9)'],
    ['=SORTBY(A1:A9,B1:B9)', '=_xlfn.SORTBY(A1:A9,B1:B9)'],
    ['=SEQUENCE(10)', '=_xlfn.SEQUENCE(10)'],
    ['=STDEV.S(A1:A9)', '=_xlfn.STDEV.S(A1:A9)'],
    ['=IFNA(A1,0)', '=_xlfn.IFNA(A1,0)'],
  ])('%s is stored as %s', (typed, stored) => {
    expect(add(typed)).toBe(stored);
    expect(strip(stored)).toBe(typed);
  });

  test('Excel 2007 functions and names that only contain a newer name are left alone', () => {
    for (const f of [
      '=SUM(A1:A3)',
      '=IFERROR(1/0,"x")',
      '=COUNTIFS(A:A,"x")',
      '=SUMIFS(A:A,B:B,1)',
      '=OFFSET(A1,0,0,3,1)',
      '=MYIFS(1)',
      '=CONCATENATE(A1,B1)',
      '=SORTED',
      '=A1+IFS',
    ]) {
      expect(add(f)).toBe(f);
    }
  });

  test('nested calls all get their prefix', () => {
    expect(add('=IFERROR(AGGREGATE(14,6,K6:K9,1),MAXIFS(A:A,B:B,1))')).toBe('=IFERROR(_xlfn.AGGREGATE(14,6,K6:K9,1),_xlfn.MAXIFS(A:A,B:B,1))');
  });

  test('text inside string literals and quoted sheet names is not touched', () => {
    expect(add('="IFS(" & \'IFS(blad\'!A1 & IFS(1,"a")')).toBe('="IFS(" & \'IFS(blad\'!A1 & _xlfn.IFS(1,"a")');
    expect(add('="say ""IFS(""" & CONCAT(A1)')).toBe('="say ""IFS(""" & _xlfn.CONCAT(A1)');
    expect(strip('="_xlfn.IFS(" & _xlfn.IFS(1,"a")')).toBe('="_xlfn.IFS(" & IFS(1,"a")');
  });

  test('adding twice gives the same as adding once', () => {
    const once = add('=AGGREGATE(14,6,A1:A3,1)+FILTER(A1:A3,B1:B3)');
    expect(add(once)).toBe(once);
  });
});

describe('the quick path that skips formulas without a newer function', () => {
  test('lower-case names and names inside longer formulas still get their prefix', () => {
    expect(add('=1+ifs(A1>0,1,TRUE,0)')).toBe('=1+_xlfn.ifs(A1>0,1,TRUE,0)');
    expect(add('=IFERROR(INDEX(A:A,_xlfn.XMATCH(1,B:B)),XMATCH(2,B:B))')).toBe('=IFERROR(INDEX(A:A,_xlfn.XMATCH(1,B:B)),_xlfn.XMATCH(2,B:B))');
  });

  test('a newer name inside a string literal only is left alone', () => {
    expect(add('="IFS(" & A1')).toBe('="IFS(" & A1');
    expect(strip('="_xlfn.IFS(" & A1')).toBe('="_xlfn.IFS(" & A1');
  });

  test('lower-case prefixes are taken off', () => {
    expect(strip('=_XLFN.IFS(1,2)')).toBe('=IFS(1,2)');
  });
});
