/** An import that cannot go on, with a message for the person who ran it (never a stack trace). */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** Where in a file a problem is, as people count: lines and columns from 1. */
export interface Position {
  line: number;
  column: number;
}

export function importErrorAt(sourceName: string, at: Position, message: string): ImportError {
  return new ImportError(`${sourceName} line ${at.line}, column ${at.column}: ${message}`);
}
