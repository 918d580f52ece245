/**
 * Functions added to Excel after 2007 are stored in the file with a prefix: "_xlfn."
 * (and "_xlfn._xlws." for FILTER and SORT). Without it Excel shows #NAME? until the
 * cell is edited. `addFutureFunctionPrefixes` puts the prefixes on when writing,
 * `stripFutureFunctionPrefixes` takes them off when reading, so the engine only sees
 * formulas as a user types them.
 *
 * Not handled: LET and LAMBDA (and the functions that take a LAMBDA), whose parameter
 * names need an "_xlpm." prefix of their own; the engine does not write them.
 */

const XLWS = new Set(['FILTER', 'SORT']);

/** Excel 2010 and later functions that need "_xlfn." in the file. */
const FUTURE = new Set([
  'ACOT',
  'ACOTH',
  'AGGREGATE',
  'ARABIC',
  'ARRAYTOTEXT',
  'BASE',
  'BETA.DIST',
  'BETA.INV',
  'BINOM.DIST',
  'BINOM.DIST.RANGE',
  'BINOM.INV',
  'BITAND',
  'BITLSHIFT',
  'BITOR',
  'BITRSHIFT',
  'BITXOR',
  'CEILING.MATH',
  'CEILING.PRECISE',
  'CHISQ.DIST',
  'CHISQ.DIST.RT',
  'CHISQ.INV',
  'CHISQ.INV.RT',
  'CHISQ.TEST',
  'CHOOSECOLS',
  'CHOOSEROWS',
  'COMBINA',
  'CONCAT',
  'CONFIDENCE.NORM',
  'CONFIDENCE.T',
  'COT',
  'COTH',
  'COVARIANCE.P',
  'COVARIANCE.S',
  'CSC',
  'CSCH',
  'DAYS',
  'DECIMAL',
  'DROP',
  'ERF.PRECISE',
  'ERFC.PRECISE',
  'EXPAND',
  'EXPON.DIST',
  'F.DIST',
  'F.DIST.RT',
  'F.INV',
  'F.INV.RT',
  'F.TEST',
  'FILTER',
  'FILTERXML',
  'FLOOR.MATH',
  'FLOOR.PRECISE',
  'FORECAST.ETS',
  'FORECAST.ETS.CONFINT',
  'FORECAST.ETS.SEASONALITY',
  'FORECAST.ETS.STAT',
  'FORECAST.LINEAR',
  'FORMULATEXT',
  'GAMMA',
  'GAMMA.DIST',
  'GAMMA.INV',
  'GAMMALN.PRECISE',
  'GAUSS',
  'HSTACK',
  'HYPGEOM.DIST',
  'IFNA',
  'IFS',
  'IMCOSH',
  'IMCOT',
  'IMCSC',
  'IMCSCH',
  'IMSEC',
  'IMSECH',
  'IMSINH',
  'IMTAN',
  'ISFORMULA',
  'ISOWEEKNUM',
  'LOGNORM.DIST',
  'LOGNORM.INV',
  'MAXIFS',
  'MINIFS',
  'MODE.MULT',
  'MODE.SNGL',
  'MUNIT',
  'NEGBINOM.DIST',
  'NETWORKDAYS.INTL',
  'NORM.DIST',
  'NORM.INV',
  'NORM.S.DIST',
  'NORM.S.INV',
  'NUMBERVALUE',
  'PDURATION',
  'PERCENTILE.EXC',
  'PERCENTILE.INC',
  'PERCENTRANK.EXC',
  'PERCENTRANK.INC',
  'PERMUTATIONA',
  'PHI',
  'POISSON.DIST',
  'QUARTILE.EXC',
  'QUARTILE.INC',
  'QUERYSTRING',
  'RANDARRAY',
  'RANK.AVG',
  'RANK.EQ',
  'RRI',
  'SEC',
  'SECH',
  'SEQUENCE',
  'SHEET',
  'SHEETS',
  'SKEW.P',
  'SORT',
  'SORTBY',
  'STDEV.P',
  'STDEV.S',
  'SWITCH',
  'T.DIST',
  'T.DIST.2T',
  'T.DIST.RT',
  'T.INV',
  'T.INV.2T',
  'T.TEST',
  'TAKE',
  'TEXTAFTER',
  'TEXTBEFORE',
  'TEXTJOIN',
  'TEXTSPLIT',
  'TOCOL',
  'TOROW',
  'UNICHAR',
  'UNICODE',
  'UNIQUE',
  'VALUETOTEXT',
  'VAR.P',
  'VAR.S',
  'VSTACK',
  'WEBSERVICE',
  'WEIBULL.DIST',
  'WORKDAY.INTL',
  'WRAPCOLS',
  'WRAPROWS',
  'XLOOKUP',
  'XMATCH',
  'XOR',
  'Z.TEST',
]);

const NAME_CHAR = /[A-Za-z0-9_.\\]/;

/**
 * Matches where any newer function's name (or a prefix) might stand before "(": a formula
 * without a match needs no edit, so the per-character walk below is skipped. A superset of
 * what the walk edits (no word boundaries), so skipping is always safe.
 */
const MAY_NEED_PREFIX = new RegExp(`(?:${[...FUTURE].map((n) => n.replace(/[.\\]/g, '\\$&')).join('|')})\\(`, 'i');
const MAY_HAVE_PREFIX = /_xl(?:fn|ws)\./i;

/**
 * Calls `edit` with each function name (the identifier before "(") that stands outside
 * string literals and quoted sheet names, and replaces it with what `edit` returns.
 */
function mapFunctionNames(formula: string, edit: (name: string) => string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // a string literal or a quoted sheet name; a doubled quote is an escaped quote
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(ch) && (i === 0 || !NAME_CHAR.test(formula[i - 1]))) {
      let j = i;
      while (j < formula.length && NAME_CHAR.test(formula[j])) j++;
      const name = formula.slice(i, j);
      out += formula[j] === '(' ? edit(name) : name;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** "=IFS(A1>0,MAXIFS(…))" → "=_xlfn.IFS(A1>0,_xlfn.MAXIFS(…))"; names already prefixed stay as they are. */
export function addFutureFunctionPrefixes(formula: string): string {
  if (!MAY_NEED_PREFIX.test(formula)) return formula;
  return mapFunctionNames(formula, (name) => {
    const up = name.toUpperCase();
    if (!FUTURE.has(up)) return name;
    return XLWS.has(up) ? `_xlfn._xlws.${name}` : `_xlfn.${name}`;
  });
}

/** Takes "_xlfn." and "_xlws." off every function name. */
export function stripFutureFunctionPrefixes(formula: string): string {
  if (!MAY_HAVE_PREFIX.test(formula)) return formula;
  return mapFunctionNames(formula, (name) => name.replace(/^(_xlfn\.)?(_xlws\.)?/i, ''));
}
