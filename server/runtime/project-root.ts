/**
 * Where the files the server ships with are found (migrations, the built widget, the
 * catalogues, the demo page), relative to the project's root. This file sits two folders
 * below the root, as the server's build does (dist/server/, see build-server.ts), so one path
 * holds whether the server runs from its TypeScript or from the build.
 */
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = new URL('../../', import.meta.url);

/** The URL of `path` (relative to the project's root). */
export function projectUrl(path: string): URL {
  return new URL(path, PROJECT_ROOT);
}

/** The file-system path of `path` (relative to the project's root). */
export function projectPath(path: string): string {
  return fileURLToPath(projectUrl(path));
}
