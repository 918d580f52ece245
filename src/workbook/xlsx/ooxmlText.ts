/**
 * Text as an .xlsx file stores it (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
 *
 * XML 1.0 forbids some characters outright (most C0 controls, U+FFFE, U+FFFF); Excel
 * stores them as an escape "_xHHHH_" (hex, four digits) and reads that escape back as
 * the character. So a literal "_x0041_" typed by a user must itself be escaped, as
 * "_x005F_x0041_" (005F is "_"). `encodeCellText` does both; a lone surrogate (half an
 * emoji) cannot be stored at all and is dropped. Writing a forbidden character raw makes
 * the whole file unreadable, so every cell text passes through here.
 *
 * A carriage return (CR, U+000D) is allowed by XML but does not survive it: every XML
 * reader turns CR LF and a lone CR into LF (XML 1.0, section 2.11, end-of-line handling),
 * so "a\r\nb" came back as "a\nb". Excel writes it as "_x000D_" and reads that back as
 * CR; so does `encodeCellText`, without a warning (nothing is lost).
 */

import { hasXmlForbiddenCharacters, LONE_SURROGATE, XML_FORBIDDEN as FORBIDDEN_ALL } from '../../core/textSafety';

const ESCAPE_LIKE = /_x([0-9A-Fa-f]{4})_/g;
const CARRIAGE_RETURN = /\r/g;

export interface EncodedText {
  /** The text to put in the file (a <t> element). */
  text: string;
  /** Characters XML forbids were escaped or dropped: the file holds them differently. */
  hadForbidden: boolean;
}

/** `text` (what the cell should show) → the string stored in the file. */
export function encodeCellText(text: string): EncodedText {
  const hadForbidden = hasXmlForbiddenCharacters(text);
  let out = text.replace(ESCAPE_LIKE, (_m, hex: string) => `_x005F_x${hex}_`).replace(CARRIAGE_RETURN, '_x000D_');
  if (hadForbidden) {
    out = out.replace(LONE_SURROGATE, '').replace(FORBIDDEN_ALL, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  }
  return { text: out, hadForbidden };
}

/** Drops what XML forbids from text that has no escape mechanism (formulas, XML attributes). */
export function stripForbidden(text: string): string {
  return text.replace(LONE_SURROGATE, '').replace(FORBIDDEN_ALL, '');
}
