/**
 * Text from an import file on its way to a terminal (warnings, errors): a title or an id in
 * the file must not be able to move the cursor, recolour, retitle or clear the screen, write
 * to the clipboard (OSC 52), or reorder what is shown around it.
 */

/** CSI (ESC [ or the 8-bit CSI) and OSC (ESC ] or the 8-bit OSC) sequences, with their parameters and payload. */
const ESCAPE_SEQUENCES = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x9c|\x1b\\)?/g;

/** What is left: C0 and C1 controls (ESC among them) and DEL, and the Unicode bidirectional controls. */
const CONTROLS = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with escape sequences and control characters removed; tabs and line breaks become spaces, so a message stays one line. */
export function printable(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : ''));
}
