/** What an import did, for the command line's report and the admin view's (the types are in shared/transfer.ts). */
import { IMPORT_FORMATS, type ImportFormat, type ImportSummary } from '../../shared/transfer.ts';
import { printable } from './printable.ts';

export { IMPORT_FORMATS, type ImportFormat, type ImportSummary };

/** Warnings beyond this many are counted, not kept. */
const MAX_WARNINGS = 100;

export function emptySummary(format: ImportFormat, site: string): ImportSummary {
  return {
    format,
    site,
    threads: { created: 0, matched: 0 },
    comments: { imported: 0, byStatus: {}, byKind: {} },
    skipped: {},
    warnings: [],
    warningCount: 0,
  };
}

export function addWarning(summary: ImportSummary, message: string): void {
  summary.warningCount++;
  if (summary.warnings.length < MAX_WARNINGS) summary.warnings.push(message);
}

export function addSkipped(summary: ImportSummary, reason: string, n = 1): void {
  summary.skipped[reason] = (summary.skipped[reason] ?? 0) + n;
}

/** "1 comment", "2,000 comments". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The report `riposte import` prints; what comes from the file (titles, ids in warnings) without control characters. */
export function describeSummary(summary: ImportSummary, sourceName: string): string {
  const lines = summary.restored
    ? [`Restored ${sourceName} (a Riposte export):`]
    : [`Imported ${sourceName} (${summary.format}) into site "${summary.site}"${summary.siteCreated ? ' (a new site)' : ''}:`];
  if (summary.restored) {
    lines.push(
      `  restored: ${Object.entries(summary.restored)
        .map(([table, n]) => `${n.toLocaleString('en')} ${table}`)
        .join(', ')}`,
    );
  } else {
    lines.push(
      `  threads:  ${summary.threads.created.toLocaleString('en')} created, ${summary.threads.matched.toLocaleString('en')} already there`,
    );
    const parts = [
      ...Object.entries(summary.comments.byStatus).map(([status, n]) => `${n.toLocaleString('en')} ${status}`),
      ...Object.entries(summary.comments.byKind)
        .filter(([kind]) => kind !== 'comment')
        .map(([kind, n]) => plural(n, kind)),
    ];
    lines.push(`  comments: ${summary.comments.imported.toLocaleString('en')} imported${parts.length ? ` (${parts.join(', ')})` : ''}`);
  }
  const skipped = Object.entries(summary.skipped);
  lines.push(`  skipped:  ${skipped.length ? skipped.map(([reason, n]) => `${n.toLocaleString('en')} ${reason}`).join('; ') : 'none'}`);
  if (summary.warningCount > 0) {
    lines.push(`  warnings: ${summary.warningCount.toLocaleString('en')}`);
    for (const warning of summary.warnings) lines.push(`    - ${warning}`);
    if (summary.warningCount > summary.warnings.length)
      lines.push(`    - … and ${(summary.warningCount - summary.warnings.length).toLocaleString('en')} more`);
  }
  return lines.map(printable).join('\n');
}
