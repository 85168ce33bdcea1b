/** Importing and exporting: the formats and the import's summary, shared by the server and the admin view. */
import type { CommentKind, CommentStatus } from './wire.ts';

export const IMPORT_FORMATS = ['wordpress', 'disqus', 'riposte'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What an import did: `riposte import` prints it, `POST /api/v1/admin/import` answers it. */
export interface ImportSummary {
  format: ImportFormat;
  site: string;
  /** The site did not exist and was made for this import. */
  siteCreated?: boolean;
  threads: { created: number; matched: number };
  comments: {
    imported: number;
    byStatus: Partial<Record<CommentStatus, number>>;
    byKind: Partial<Record<CommentKind, number>>;
  };
  /** Why comments were left out, with how many each time ("already imported": 33). */
  skipped: Record<string, number>;
  warnings: string[];
  warningCount: number;
  /** A Riposte restore: rows written per table. */
  restored?: Record<string, number>;
}
