/** A new temporary folder, and how to remove it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'riposte-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
