/**
 * Characters no one means to type and XML cannot carry (feeds and exports are XML): control
 * characters other than tab and newlines, lone surrogates, U+FFFE and U+FFFF.
 */
const UNWANTED_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function removeUnwantedChars(text: string): string {
  return text.replace(UNWANTED_CHARS, '');
}
