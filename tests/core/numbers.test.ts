import { formatNumber } from '../../src/core/numbers';
import { formatNumber as paneFormat } from '../../src/taskpane/logic/scoring';

// First in the file on purpose: formatNumber makes its Intl formatter on the first call, and
// Stryker's per-test coverage credits the formatter's options to that first test only.
test('no thousands separator: a total of 1,250 or more reads as the cell shows it ("1250", "12345,68"), not "1.250"', () => {
  expect(formatNumber(1250)).toBe('1250');
  expect(formatNumber(12345.678)).toBe('12345,68');
});

test('the CLI and the pane showed the same total differently ("12,50" vs "12,5"): one rule, no trailing zeros', () => {
  expect(formatNumber(12.5)).toBe('12,5');
  expect(paneFormat).toBe(formatNumber);
});

test('decimal comma, at most two decimals, minus sign U+2212, no thousands separator', () => {
  expect(formatNumber(3)).toBe('3');
  expect(formatNumber(1 / 3)).toBe('0,33');
  expect(formatNumber(2.005)).toBe('2,01');
  expect(formatNumber(-2.25)).toBe('−2,25');
  expect(formatNumber(-0.001)).toBe('0');
  expect(formatNumber(12345.678)).toBe('12345,68');
  expect(formatNumber(0.1 + 0.2)).toBe('0,3');
});
