/**
 * What ExcelJS 4.4 does not carry over when it reads and re-writes a workbook, found by
 * looking at the parts inside the .xlsx zip (before anything is written). Dutch
 * descriptions for the user, one per kind of part, with a count where it helps.
 */
interface Kind {
  /** Zip entries of this kind (directories excluded). */
  part: RegExp;
  /** Dutch description; `n` is the number of matching parts. */
  describe: (n: number) => string;
}

const KINDS: Kind[] = [
  { part: /^xl\/(charts\/chart\d*\.xml|chartsheets\/.+\.xml)$/i, describe: (n) => (n === 1 ? '1 grafiek' : `${n} grafieken`) },
  { part: /^xl\/pivotTables\/.+\.xml$/i, describe: (n) => (n === 1 ? '1 draaitabel' : `${n} draaitabellen`) },
  { part: /^xl\/pivotCache\/pivotCacheDefinition\d*\.xml$/i, describe: () => 'gegevens achter draaitabellen (draaitabelcache)' },
  { part: /^xl\/(media\/.+|drawings\/drawing\d*\.xml)$/i, describe: () => 'afbeeldingen, vormen en tekstvakken (tekenobjecten)' },
  { part: /^xl\/vbaProject\.bin$/i, describe: () => "macro's (VBA-code)" },
  { part: /^xl\/(slicers|slicerCaches)\/.+\.xml$/i, describe: () => 'slicers' },
  { part: /^xl\/(timelines|timelineCaches)\/.+\.xml$/i, describe: () => 'tijdlijnen' },
  { part: /^xl\/externalLinks\/externalLink\d*\.xml$/i, describe: (n) => (n === 1 ? '1 koppeling naar een ander bestand' : `${n} koppelingen naar andere bestanden`) },
  { part: /^xl\/threadedComments\/.+\.xml$/i, describe: () => 'opmerkingen met antwoorden (gesprekken); gewone notities blijven' },
  { part: /^xl\/(connections\.xml|queryTables\/.+\.xml)$/i, describe: () => 'gegevensverbindingen en query’s (Power Query)' },
  { part: /^xl\/model\//i, describe: () => 'het gegevensmodel (Power Pivot)' },
  { part: /^xl\/(ctrlProps|activeX)\/.+/i, describe: () => 'formulierknoppen en andere besturingselementen' },
];

/** Validations in Excel 2010's extension form (e.g. lists on another sheet in older files): ExcelJS ignores them. */
const X14_VALIDATION = /<x14:dataValidation[\s>]/;

/**
 * The parts of this .xlsx that ExcelJS cannot carry over, as Dutch descriptions (empty
 * when nothing is lost). Throws when the bytes are not a zip file.
 */
export async function inspectUnsupported(buffer: ArrayBuffer | Uint8Array): Promise<string[]> {
  // loaded on use: the browser preview's bundle only needs it when this is called
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const found: string[] = [];
  for (const kind of KINDS) {
    const n = names.filter((name) => kind.part.test(name)).length;
    if (n) found.push(kind.describe(n));
  }
  let x14 = 0;
  for (const name of names.filter((x) => /^xl\/worksheets\/[^/]+\.xml$/i.test(x))) {
    if (X14_VALIDATION.test(await zip.file(name)!.async('string'))) x14++;
  }
  if (x14) found.push(`keuzelijsten of validaties in uitgebreide vorm (Excel 2010) op ${x14 === 1 ? '1 werkblad' : `${x14} werkbladen`}`);
  return found;
}
