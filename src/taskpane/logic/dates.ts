/** Excel serial dates (1900 system) ↔ ISO dates for <input type="date">. */

export function serialToIso(serial: number | null): string {
  if (serial === null || !Number.isFinite(serial)) return '';
  const d = new Date(Math.round((serial - 25569) * 86400000));
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().slice(0, 10);
}

/** "2030-12-31" → "31-12-2030". */
export function isoToDutch(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}
