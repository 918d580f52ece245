/**
 * Numbers as Dutch text: the one rule for the pane, the CLI and every other place that shows
 * a total, weight or score to people.
 */

/**
 * `n` as Dutch text: decimal comma, rounded to at most two decimals with no trailing zeros
 * ("12,5", not "12,50"; "0,33"; "3"), no thousands separator (a total reads like the cell
 * Excel shows), and the minus sign U+2212 ("−2"), which screen readers read as "min".
 * Chosen over the CLI's old fixed two decimals so the terminal, the pane and the
 * onderbouwing show the same text for the same total.
 */
/** Made once: an Intl.NumberFormat costs far more to make than to use (the grid formats 5,000 totals per read). */
let dutch: Intl.NumberFormat | null = null;

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 100) / 100;
  dutch ??= new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2, useGrouping: false });
  const text = dutch.format(Math.abs(rounded));
  return rounded < 0 ? `−${text}` : text;
}
