/**
 * `koppelkansen gevoeligheid IN.xlsx [--json]`: how firm the automatic top 15 is, the same
 * sentences as the pane and the Resultaat sheet (src/core/gevoeligheid.ts).
 */
import type { Analysis } from '../core/analyze';
import { computeGevoeligheid, type Gevoeligheid } from '../core/gevoeligheid';

export interface GevoeligheidOutput {
  /** What to print on stdout. */
  text: string;
  /** 0 computed; 1 computed, but the workbook has errors (rows without a valid total are left out); 2 not a Koppelkansen workbook. */
  exit: number;
}

/** The report for an analysed workbook, as text (Dutch sentences) or as one JSON object. */
export function gevoeligheidOutput(a: Analysis, json: boolean): GevoeligheidOutput {
  if (a.kind !== 'koppelkansen' || !a.werkblad) {
    const message = a.problems[0]?.message ?? 'Dit is geen Koppelkansen Kiezen-werkmap.';
    return { text: json ? `${JSON.stringify({ error: message }, null, 2)}\n` : `${message}\n`, exit: 2 };
  }
  const g: Gevoeligheid = computeGevoeligheid(a.werkblad);
  const left = a.werkblad.rows.filter((r) => r.status === 'invalid').length;
  const exit = a.problems.some((p) => p.severity === 'error') ? 1 : 0;
  if (json) return { text: `${JSON.stringify({ ...g, leftOut: left }, null, 2)}\n`, exit };
  const out: string[] = ['Hoe stevig is de top 15? (telkens één weging of één score anders, de rest gelijk)', ''];
  const block = (title: string, lines: string[]) => {
    if (!lines.length) return;
    out.push(title, ...lines.map((l) => `  - ${l}`), '');
  };
  out.push(...g.sentences.summary, '');
  block('Per weging, de top 15:', g.sentences.members);
  block(`Per weging, de volgorde van de top ${g.topOrder}:`, g.sentences.order);
  block('Koppelkansen rond plaats 15:', g.sentences.boundary);
  if (left)
    out.push(`Let op: ${left} koppelkans${left === 1 ? '' : 'en'} zonder geldig totaal ${left === 1 ? 'telt' : 'tellen'} niet mee; zie "koppelkansen check".`);
  return { text: `${out.join('\n').trimEnd()}\n`, exit };
}
