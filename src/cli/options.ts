/**
 * Command-line options on Node's own parser (`node:util` parseArgs), with the project's
 * Dutch usage errors. Each command declares its options once; the result is typed from
 * that declaration (string options: `string | undefined`, booleans: `boolean | undefined`).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors';

/** One option: `--name VALUE` (string) or a flag `--name` (boolean), with an optional one-letter alias (`-o`). */
interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

type OptionValues<S extends OptionSpecs> = {
  [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean;
};

export interface ParsedCommandLine<S extends OptionSpecs> {
  /** The arguments that are not options, in order (everything after `--` counts as one). */
  positionals: string[];
  values: OptionValues<S>;
}

/**
 * Parses `argv` (the arguments after the command name) against `specs`.
 * Accepts `--name VALUE`, `--name=VALUE`, `-o VALUE`, `-oVALUE`, and `--` to end the options.
 * A repeated option keeps its last value.
 * @throws UsageError (Dutch) for an unknown option, a string option without its value (also
 * when the next argument is an option: `-o --json`; give such a value inline, `--wijk=-Noord`),
 * or a flag given a value (`--json=ja`).
 */
export function parseCommandLine<S extends OptionSpecs>(argv: string[], specs: S): ParsedCommandLine<S> {
  // strict: false so that the errors are ours (Dutch) and decided from the tokens, not from
  // parseArgs' English messages; every token is checked below.
  const { values, positionals, tokens } = parseArgs({ args: argv, options: specs, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.prototype.hasOwnProperty.call(specs, token.name) ? specs[token.name] : undefined;
    if (!spec) throw new UsageError('cli.unknownOption', token.rawName);
    // `-o --json`: the next argument is an option, not the value (as parseArgs' strict mode says);
    // a value that starts with "-" is given inline: `--wijk=-Noord`
    const valueLooksLikeOption = !token.inlineValue && token.value !== undefined && token.value.startsWith('-') && token.value !== '-';
    if (spec.type === 'string' && (token.value === undefined || valueLooksLikeOption)) throw new UsageError('cli.optionNeedsValue', token.rawName);
    if (spec.type === 'boolean' && token.inlineValue) throw new UsageError('cli.optionTakesNoValue', token.rawName);
  }
  return { positionals, values };
}

/** The single positional argument (`what`: Dutch, e.g. "invoerbestand"); UsageError otherwise. */
export function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError('cli.exactlyOne', what);
  return positionals[0];
}
