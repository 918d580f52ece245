/** The command line's option parsing (node:util parseArgs with Dutch usage errors). */
import { parseCommandLine, onePositional } from '../../src/cli/options';
import { UsageError } from '../../src/cli/errors';
import { COMMANDS, main, USAGE } from '../../src/cli/main';

const specs = { output: { type: 'string', short: 'o' }, wijk: { type: 'string' }, json: { type: 'boolean' } } as const;

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv, specs);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`no UsageError for ${argv.join(' ')}`);
}

test('values come as -o X, -oX, --output X and --output=X; flags as booleans; positionals keep their order', () => {
  for (const argv of [
    ['in.xlsx', '-o', 'uit.xlsx'],
    ['in.xlsx', '-ouit.xlsx'],
    ['--output', 'uit.xlsx', 'in.xlsx'],
    ['in.xlsx', '--output=uit.xlsx'],
  ]) {
    expect(parseCommandLine(argv, specs)).toEqual({ positionals: ['in.xlsx'], values: { output: 'uit.xlsx' } });
  }
  expect(parseCommandLine(['a.xlsx', '--json', 'b.xlsx'], specs)).toEqual({ positionals: ['a.xlsx', 'b.xlsx'], values: { json: true } });
});

test('a repeated option keeps its last value', () => {
  expect(parseCommandLine(['x', '--wijk', 'Oost', '--wijk', 'West'], specs).values.wijk).toBe('West');
});

test('"--" ends the options: a file named like an option is a positional', () => {
  expect(parseCommandLine(['--', '--json', '-'], specs)).toEqual({ positionals: ['--json', '-'], values: {} });
});

test('an unknown option is refused in Dutch, long or short', () => {
  expect(usageError(['in.xlsx', '--bogus'])).toBe('onbekende optie --bogus');
  expect(usageError(['in.xlsx', '-z'])).toBe('onbekende optie -z');
  // not an inherited property of a plain object either
  expect(usageError(['in.xlsx', '--constructor'])).toBe('onbekende optie --constructor');
});

test('a value option without its value is refused, also when the next argument is an option', () => {
  expect(usageError(['in.xlsx', '-o'])).toBe('-o verwacht een waarde');
  expect(usageError(['in.xlsx', '--wijk'])).toBe('--wijk verwacht een waarde');
  expect(usageError(['in.xlsx', '-o', '--json'])).toBe('-o verwacht een waarde');
  // a value that starts with "-" is given inline
  expect(parseCommandLine(['x', '--wijk=-Noord'], specs).values.wijk).toBe('-Noord');
});

test('a flag given a value is refused (--json=ja is not silently true)', () => {
  expect(usageError(['in.xlsx', '--json=ja'])).toBe('--json verwacht geen waarde');
});

test('onePositional wants exactly one', () => {
  expect(onePositional(['a'], 'invoerbestand')).toBe('a');
  expect(() => onePositional([], 'invoerbestand')).toThrow('geef precies één invoerbestand');
  expect(() => onePositional(['a', 'b'], 'invoerbestand')).toThrow(UsageError);
});

test('every command has its own usage lines, and the usage text names each command once', () => {
  const names = COMMANDS.map((c) => c.name);
  expect(new Set(names).size).toBe(names.length);
  expect(names).toEqual(['new', 'check', 'apply', 'onderbouwing', 'gevoeligheid', 'samenvoegen']);
  for (const c of COMMANDS) expect(USAGE.split('\n').filter((l) => l.startsWith(`  koppelkansen ${c.name} `))).toHaveLength(1);
});

test('usage errors of every command exit 2 with the Dutch message and the usage text', async () => {
  for (const name of COMMANDS.map((c) => c.name)) {
    const err: string[] = [];
    const code = await main([name, 'in.xlsx', '--bogus'], { out: () => undefined, err: (s) => void err.push(s) });
    expect(code).toBe(2);
    expect(err.join('')).toBe(`koppelkansen: onbekende optie --bogus\n${USAGE}`);
  }
});

describe('an error the command line did not expect', () => {
  test('is told in Dutch with its detail and what it means for the files, exit 2, also as JSON (regression: the English message alone)', async () => {
    const check = COMMANDS.find((c) => c.name === 'check')!;
    const spy = jest.spyOn(check, 'run').mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'sheetNo')."));
    try {
      const err: string[] = [];
      const out: string[] = [];
      expect(await main(['check', 'werkmap.xlsx'], { out: (s) => out.push(s), err: (s) => err.push(s) })).toBe(2);
      expect(err.join('')).toBe(
        "koppelkansen: er ging iets onverwacht mis (Cannot read properties of undefined (reading 'sheetNo')); je bestanden zijn niet gewijzigd. Meld dit alsjeblieft, met de opdracht die je gaf en zo mogelijk het bestand.\n",
      );
      expect(out).toEqual([]);
      const json: string[] = [];
      expect(await main(['check', 'werkmap.xlsx', '--json'], { out: (s) => json.push(s), err: () => undefined })).toBe(2);
      expect(JSON.parse(json.join(''))).toMatchObject({
        ok: false,
        error: { code: 'cli.unexpected', message: expect.stringMatching(/^er ging iets onverwacht mis/) },
      });
    } finally {
      spy.mockRestore();
    }
  });
});
