/**
 * Offline checks of manifest.xml. Microsoft's `office-addin-manifest validate` needs an
 * online service (see docs/deploy.md); these tests catch what can be caught here:
 * required elements and their order, resource references, icons that exist and have
 * the right size, URLs that are https and on one origin, files the build produces, and
 * the production URL rewrite used by webpack.config.js.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const manifestUrl = require('../scripts/manifest-url.js') as {
  DEV_URL: string;
  DEV_ORIGIN: string;
  ENV_VAR: string;
  validateProductionUrl(url: unknown): string;
  resolveProductionUrl(options?: { env?: Record<string, string | undefined>; configFile?: string }): string;
  toProductionManifest(xml: string, productionUrl: string, publisher?: string): string;
  PUBLISHER_ENV_VAR: string;
  validatePublisher(name: unknown): string;
  resolvePublisher(options?: { env?: Record<string, string | undefined>; configFile?: string }): string;
};

const ROOT = join(__dirname, '..');
const SOURCE = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const { DEV_URL, DEV_ORIGIN } = manifestUrl;

type Node = Record<string, any>; // parsed XML: loosely typed by nature

const ARRAY_TAGS = new Set([
  'Override',
  'bt:Override',
  'bt:Image',
  'bt:Url',
  'bt:String',
  'AppDomain',
  'Host',
  'Set',
  'Control',
  'Group',
  'ExtensionPoint',
  'OfficeTab',
]);

function parse(xml: string): Node {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => ARRAY_TAGS.has(name),
  });
  return parser.parse(xml).OfficeApp as Node;
}

/** Every absolute URL in attribute values and element text, namespace declarations excluded. */
function urlsIn(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(node.trim())) out.push(node.trim());
  } else if (Array.isArray(node)) {
    node.forEach((n) => urlsIn(n, out));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@_xmlns')) continue;
      urlsIn(value, out);
    }
  }
  return out;
}

function stripComments(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->/g, '');
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = bytes.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a') throw new Error(`${file} is not a PNG`);
  if (bytes.subarray(12, 16).toString('ascii') !== 'IHDR') throw new Error(`${file} has no IHDR`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Repo-relative path of a dev URL, e.g. "assets/icon-16.png". */
function devPath(url: string): string {
  expect(url.startsWith(DEV_URL)).toBe(true);
  return url.slice(DEV_URL.length);
}

const app = parse(SOURCE);
const vo = app.VersionOverrides as Node;
const resources = vo.Resources as Node;

function resource(kind: 'bt:Images' | 'bt:Urls' | 'bt:ShortStrings' | 'bt:LongStrings', id: string): Node {
  const tag = kind === 'bt:Images' ? 'bt:Image' : kind === 'bt:Urls' ? 'bt:Url' : 'bt:String';
  const list = (resources[kind]?.[tag] ?? []) as Node[];
  const found = list.find((r) => r['@_id'] === id);
  if (!found) throw new Error(`resid "${id}" not found in ${kind}`);
  return found;
}

async function webpackConfig(mode: 'production' | 'development'): Promise<Node> {
  const make = require('../webpack.config.js') as (env: object, argv: object) => Promise<Node>;
  return make({}, { mode });
}

/** Files (relative to dist/) that the build writes from HTML templates and copy patterns. */
async function buildOutputs(): Promise<Set<string>> {
  const config = await webpackConfig('production');
  const files = new Set<string>();
  const HtmlWebpackPlugin = require('html-webpack-plugin');
  const CopyWebpackPlugin = require('copy-webpack-plugin');
  for (const plugin of config.plugins as Node[]) {
    if (plugin instanceof HtmlWebpackPlugin) files.add(plugin.userOptions.filename);
    if (plugin instanceof CopyWebpackPlugin) {
      for (const pattern of plugin.patterns) {
        // Only literal file patterns count: a glob would not prove that a file is copied.
        expect(pattern.from).not.toMatch(/[*?{[]/);
        expect(existsSync(join(ROOT, pattern.from))).toBe(true);
        files.add(pattern.to);
      }
    }
  }
  return files;
}

describe('manifest.xml is well-formed and has every required element', () => {
  test('is well-formed XML with a TaskPaneApp root in the appforoffice 1.1 namespace', () => {
    expect(XMLValidator.validate(SOURCE)).toBe(true);
    expect(app['@_xsi:type']).toBe('TaskPaneApp');
    expect(app['@_xmlns']).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(app['@_xmlns:bt']).toBe('http://schemas.microsoft.com/office/officeappbasictypes/1.0');
  });

  test('top-level elements appear in the order the schema demands', () => {
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    const body = stripComments(SOURCE).replace(/<VersionOverrides[\s\S]*<\/VersionOverrides>/, '<VersionOverrides/>');
    const inner = body.slice(body.indexOf('<OfficeApp') + 1);
    const topTags = [...inner.matchAll(/<([A-Za-z]+)[\s/>]/g)].map((m) => m[1]);
    const positions = order.map((tag) => topTags.indexOf(tag));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test('Id is a fixed GUID and Version has four numeric parts matching package.json', () => {
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(app.Version.startsWith(`${pkg.version}.`)).toBe(true);
  });

  test('names the provider, defaults to nl-NL and overrides name and description for en-US', () => {
    expect(String(app.ProviderName).trim()).not.toBe('');
    expect(app.DefaultLocale).toBe('nl-NL');
    for (const [el, max] of [
      [app.DisplayName, 125],
      [app.Description, 250],
    ] as const) {
      expect(el['@_DefaultValue'].length).toBeGreaterThan(0);
      expect(el['@_DefaultValue'].length).toBeLessThanOrEqual(max);
      const en = (el.Override as Node[]).find((o) => o['@_Locale'] === 'en-US');
      expect(en?.['@_Value']?.length).toBeGreaterThan(0);
      expect(en!['@_Value'].length).toBeLessThanOrEqual(max);
    }
  });

  test('names a publisher as provider, not the product or a sample name', () => {
    const provider = String(app.ProviderName).trim();
    expect(provider).not.toBe(String(app.DisplayName['@_DefaultValue']));
    expect(() => manifestUrl.validatePublisher(provider)).not.toThrow();
  });

  test('the support page links the privacy statement, which the build writes beside it', async () => {
    expect(app.SupportUrl['@_DefaultValue']).toBe(`${DEV_URL}help.html`);
    expect(readFileSync(join(ROOT, 'src', 'taskpane', 'help.html'), 'utf8')).toMatch(/<a href="privacy\.html">/);
    const outputs = await buildOutputs();
    expect(outputs.has('help.html')).toBe(true);
    expect(outputs.has('privacy.html')).toBe(true);
  });

  test('has icon URLs, a support URL and an AppDomain', () => {
    expect(app.IconUrl['@_DefaultValue']).toMatch(/\.png$/);
    expect(app.HighResolutionIconUrl['@_DefaultValue']).toMatch(/\.png$/);
    expect(app.SupportUrl['@_DefaultValue']).toMatch(/^https:\/\//);
    expect((app.AppDomains.AppDomain as string[]).length).toBeGreaterThan(0);
  });

  test('targets the Workbook host, needs ExcelApi 1.8 and asks for ReadWriteDocument', () => {
    expect((app.Hosts.Host as Node[]).map((h) => h['@_Name'])).toEqual(['Workbook']);
    const sets = app.Requirements.Sets.Set as Node[];
    expect(sets).toEqual([{ '@_Name': 'ExcelApi', '@_MinVersion': '1.8' }]);
    expect(app.Requirements.Sets['@_DefaultMinVersion']).toBe('1.1');
    expect(app.DefaultSettings.SourceLocation['@_DefaultValue']).toBe(`${DEV_URL}taskpane.html`);
    expect(app.Permissions).toBe('ReadWriteDocument');
  });
});

describe('the Home-tab button opens the task pane', () => {
  const host = (vo.Hosts.Host as Node[])[0];
  const surface = (host.DesktopFormFactor.ExtensionPoint as Node[])[0];
  const tab = (surface.OfficeTab as Node[])[0];
  const group = (tab.Group as Node[])[0];
  const button = (group.Control as Node[])[0];

  test('uses VersionOverrides 1.0 (the only version task-pane add-ins support) for Workbook', () => {
    expect(vo['@_xmlns']).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(vo['@_xsi:type']).toBe('VersionOverridesV1_0');
    expect(vo.VersionOverrides).toBeUndefined();
    expect(host['@_xsi:type']).toBe('Workbook');
  });

  test('puts one button in its own group on the Home tab with a ShowTaskpane action', () => {
    expect(surface['@_xsi:type']).toBe('PrimaryCommandSurface');
    expect(tab['@_id']).toBe('TabHome');
    expect(group['@_id']).toMatch(/^Koppelkansen\./);
    expect(button['@_xsi:type']).toBe('Button');
    expect(resource('bt:ShortStrings', button.Label['@_resid'])['@_DefaultValue']).toBe('Koppelkansen');
    expect(button.Action['@_xsi:type']).toBe('ShowTaskpane');
    expect(String(button.Action.TaskpaneId)).not.toBe('');
    const paneUrl = resource('bt:Urls', button.Action.SourceLocation['@_resid'])['@_DefaultValue'];
    expect(paneUrl).toBe(app.DefaultSettings.SourceLocation['@_DefaultValue']);
    expect(host.DesktopFormFactor.FunctionFile).toBeUndefined(); // no function file is built
  });

  test('group and button have 16, 32 and 80 px icons whose PNGs have exactly that size', () => {
    for (const el of [group, button]) {
      const images = el.Icon['bt:Image'] as Node[];
      expect(images.map((i) => i['@_size']).sort()).toEqual(['16', '32', '80']);
      for (const image of images) {
        const url = resource('bt:Images', image['@_resid'])['@_DefaultValue'];
        const size = Number(image['@_size']);
        expect(pngSize(join(ROOT, devPath(url)))).toEqual({ width: size, height: size });
      }
    }
  });

  test('every resid used anywhere resolves to a resource of the matching kind', () => {
    const kindOf: Record<string, 'bt:Images' | 'bt:Urls' | 'bt:ShortStrings' | 'bt:LongStrings'> = {
      'bt:Image': 'bt:Images',
      SourceLocation: 'bt:Urls',
      LearnMoreUrl: 'bt:Urls',
      Label: 'bt:ShortStrings',
      Title: 'bt:ShortStrings',
      Description: 'bt:LongStrings',
    };
    const refs: Array<[string, string]> = [];
    const walk = (node: unknown, tag: string): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, tag));
      if (!node || typeof node !== 'object') return;
      const resid = (node as Node)['@_resid'];
      if (typeof resid === 'string') refs.push([tag, resid]);
      for (const [k, v] of Object.entries(node)) if (!k.startsWith('@_')) walk(v, k);
    };
    walk(vo.Hosts, 'Hosts');
    expect(refs.length).toBeGreaterThanOrEqual(12);
    for (const [tag, resid] of refs) {
      expect(kindOf[tag]).toBeDefined();
      expect(() => resource(kindOf[tag], resid)).not.toThrow();
    }
  });

  test('resource ids are at most 32 characters and strings fit Office limits in both languages', () => {
    for (const [kind, tag, max] of [
      ['bt:ShortStrings', 'bt:String', 125],
      ['bt:LongStrings', 'bt:String', 250],
    ] as const) {
      for (const s of resources[kind][tag] as Node[]) {
        expect(s['@_id'].length).toBeLessThanOrEqual(32);
        expect(s['@_DefaultValue'].length).toBeGreaterThan(0);
        expect(s['@_DefaultValue'].length).toBeLessThanOrEqual(max);
        const en = (s['bt:Override'] as Node[] | undefined)?.find((o) => o['@_Locale'] === 'en-US');
        expect(en?.['@_Value']?.length).toBeGreaterThan(0);
        expect(en!['@_Value'].length).toBeLessThanOrEqual(max);
      }
    }
    for (const kind of ['bt:Images', 'bt:Urls'] as const) {
      const tag = kind === 'bt:Images' ? 'bt:Image' : 'bt:Url';
      for (const r of resources[kind][tag] as Node[]) expect(r['@_id'].length).toBeLessThanOrEqual(32);
    }
  });
});

describe('URLs and the files behind them', () => {
  const urls = urlsIn(app);
  const origin = new URL(app.DefaultSettings.SourceLocation['@_DefaultValue']).origin;

  test('every URL (outside comments) was found by the walker', () => {
    const inText = stripComments(SOURCE).match(/https?:\/\/localhost[^"<\s]*/g) ?? [];
    expect(urls.length).toBe(inText.length);
    expect(urls.length).toBeGreaterThanOrEqual(10);
  });

  test('every URL is https, on the SourceLocation origin, under the dev base URL', () => {
    for (const url of urls) {
      const parsed = new URL(url);
      expect(parsed.protocol).toBe('https:');
      expect(parsed.origin).toBe(origin);
      expect(url === DEV_ORIGIN || url.startsWith(DEV_URL)).toBe(true);
    }
    expect(app.AppDomains.AppDomain).toEqual([origin]);
  });

  test('IconUrl is 32x32 and HighResolutionIconUrl 64x64', () => {
    expect(pngSize(join(ROOT, devPath(app.IconUrl['@_DefaultValue'])))).toEqual({ width: 32, height: 32 });
    expect(pngSize(join(ROOT, devPath(app.HighResolutionIconUrl['@_DefaultValue'])))).toEqual({
      width: 64,
      height: 64,
    });
  });

  test('every file URL is produced by the webpack build and every icon exists in assets/', async () => {
    const outputs = await buildOutputs();
    const files = urls.filter((u) => u !== DEV_ORIGIN).map(devPath);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(outputs.has(file) ? file : `${file} (not produced by the build)`).toBe(file);
      if (file.endsWith('.png')) expect(existsSync(join(ROOT, file))).toBe(true);
    }
    expect(outputs.has('manifest.xml')).toBe(true);
  });
});

describe('the production manifest', () => {
  const PROD = 'https://addins.voorbeeld-gemeente.nl/tools/koppelkansen/';

  test('replaces every dev URL by the same path under the production URL and leaves no localhost', () => {
    const out = manifestUrl.toProductionManifest(SOURCE, PROD);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).not.toMatch(/localhost|127\.0\.0\.1/i);
    const devUrls = urlsIn(app);
    const prodUrls = urlsIn(parse(out));
    const expected = devUrls.map((u) => (u === DEV_ORIGIN ? new URL(PROD).origin : PROD + u.slice(DEV_URL.length)));
    expect(prodUrls).toEqual(expected);
    // Everything else is untouched.
    const prod = parse(out);
    expect(prod.Id).toBe(app.Id);
    expect(prod.Version).toBe(app.Version);
    expect(prod.Permissions).toBe(app.Permissions);
  });

  test('fails when a dev URL in another form would survive the rewrite', () => {
    const sneaky = SOURCE.replace('</Description>', '</Description><SupportUrl DefaultValue="https://127.0.0.1:3000/x"/>');
    expect(() => manifestUrl.toProductionManifest(sneaky, PROD)).toThrow(/development server/);
  });

  test('the production URL comes from deploy.config.json unless KOPPELKANSEN_URL is set', () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'deploy.config.json'), 'utf8')) as { productionUrl: string };
    expect(manifestUrl.resolveProductionUrl({ env: {} })).toBe(config.productionUrl);
    expect(manifestUrl.resolveProductionUrl({ env: { [manifestUrl.ENV_VAR]: PROD } })).toBe(PROD);
    expect(manifestUrl.resolveProductionUrl({ env: { [manifestUrl.ENV_VAR]: '' } })).toBe(config.productionUrl);
  });

  test('sets the publisher from deploy.config.json (or KOPPELKANSEN_PUBLISHER) as ProviderName, XML-escaped', () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'deploy.config.json'), 'utf8')) as { publisher: string };
    expect(manifestUrl.resolvePublisher({ env: {} })).toBe(config.publisher);
    expect(manifestUrl.resolvePublisher({ env: { [manifestUrl.PUBLISHER_ENV_VAR]: 'Gemeente Almere' } })).toBe('Gemeente Almere');
    const out = manifestUrl.toProductionManifest(SOURCE, PROD, 'Gemeente Zwolle & Kampen <team WUP>');
    expect(XMLValidator.validate(out)).toBe(true);
    expect(parse(out).ProviderName).toBe('Gemeente Zwolle & Kampen <team WUP>');
    expect(out).toContain('<ProviderName>Gemeente Zwolle &amp; Kampen &lt;team WUP&gt;</ProviderName>');
    expect(out.match(/<ProviderName>/g)).toHaveLength(1);
  });

  test.each([
    ['', /missing/],
    [' Gemeente Lelystad', /spaces/],
    ['Contoso', /sample name/],
    ['x'.repeat(126), /125 characters/],
  ])('rejects the publisher %p', (name, message) => {
    expect(() => manifestUrl.validatePublisher(name)).toThrow(message);
    expect(() => manifestUrl.toProductionManifest(SOURCE, PROD, name)).toThrow(message);
  });

  test.each([
    ['http://addins.gemeente.nl/', /https/],
    ['https://addins.gemeente.nl/koppelkansen', /end with "\/"/],
    ['https://localhost:3000/', /this machine/],
    ['https://addins.gemeente.nl/?v=1/', /"\?"/],
    ['addins.gemeente.nl/', /absolute/],
    ['', /missing/],
  ])('rejects the production URL %p', (url, message) => {
    expect(() => manifestUrl.validateProductionUrl(url)).toThrow(message);
    expect(() => manifestUrl.toProductionManifest(SOURCE, url)).toThrow(message);
  });
});
