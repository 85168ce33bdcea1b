/** Whether a `--db` value names a PostgreSQL database rather than a SQLite file (without loading PostgreSQL's driver). */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}
