/** The widget's memory in this browser: localStorage, else this page view's memory. */
// Storage may be missing (private modes, blocked third-party storage, sandboxed frames):
// every function then falls back to memory for this page view.

/** Used when localStorage throws, so the page view still behaves consistently. */
const memory = new Map<string, string>();

export function read(key: string): string | null {
  try {
    return localStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    // Access itself throws when storage is blocked; memory is the documented fallback.
    return memory.get(key) ?? null;
  }
}

export function write(key: string, value: string | null): void {
  if (value === null) memory.delete(key);
  else memory.set(key, value);
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Blocked or full: the in-memory copy above keeps this page view working.
  }
}
