import { printable } from './printable.ts';

/**
 * An import that cannot go on, with a message for the person who ran it (never a stack trace).
 * Messages quote the file (values, names), so control characters are taken out here, once.
 */
export class ImportError extends Error {
  override name = 'ImportError';

  constructor(message: string) {
    super(printable(message));
  }
}

/** Where in a file a problem is, as people count: lines and columns from 1. */
export interface Position {
  line: number;
  column: number;
}

export function importErrorAt(sourceName: string, at: Position, message: string): ImportError {
  return new ImportError(`${sourceName} line ${at.line}, column ${at.column}: ${message}`);
}
