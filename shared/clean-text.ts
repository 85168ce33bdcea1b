/**
 * Characters no one means to type, cleaned out of everything readers send and imports bring:
 * what XML cannot carry (feeds and exports are XML) or should not (C0 controls other than tab
 * and newlines, C1 controls, lone surrogates, U+FFFE and U+FFFF), and the bidirectional
 * embedding, override and isolate controls, which reorder whatever follows them (a file
 * "photo\u202Egpj.exe" reads "photoexe.jpg"). Names and titles also lose the invisible
 * characters (zero-width spaces, invisible marks and fillers) that make a name look empty or
 * like someone else's; zero-width joiners stay (emoji sequences, Persian and Indic names).
 */
const UNWANTED_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Invisible in a name or title: soft hyphen, grapheme joiner, Arabic letter mark, Mongolian vowel separator, zero-width space and marks, word joiner and invisible operators, BOM, Hangul fillers, braille blank. */
const INVISIBLE_CHARS = /\u034F|[\u00AD\u061C\u115F\u1160\u180E\u200B\u200E\u200F\u2060-\u2064\u2800\u3164\uFEFF\uFFA0]/g;

/** Something a reader can see: not a space, a format character or a combining mark alone. */
const VISIBLE_CHAR = /[^\s\p{Z}\p{Cf}\p{M}]/u;

export function removeUnwantedChars(text: string): string {
  return text.replace(UNWANTED_CHARS, '');
}

/** A name or title as it should show: unwanted and invisible characters out. */
export function cleanName(text: string): string {
  return removeUnwantedChars(text).replace(INVISIBLE_CHARS, '');
}

/** Whether text shows anything at all (a name of zero-width characters does not). */
export function isVisible(text: string): boolean {
  return VISIBLE_CHAR.test(text);
}
