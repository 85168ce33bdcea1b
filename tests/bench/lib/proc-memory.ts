/** A process's memory as the kernel counts it (/proc/PID/status, Linux), sampled while a load runs. */
import { readFileSync } from 'node:fs';

export interface ProcMemory {
  /** Resident now (VmRSS), bytes. */
  rss: number;
  /** The highest resident size since the process started (VmHWM), bytes. */
  hwm: number;
}

export function procMemory(pid: number): ProcMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Samples VmRSS every `everyMs` until stopped; returns the samples in bytes. */
export function sampleRss(pid: number, everyMs = 250): { stop(): number[] } {
  const samples: number[] = [];
  const take = () => {
    try {
      samples.push(procMemory(pid).rss);
    } catch {
      // The process ended; the samples so far stand.
      clearInterval(timer);
    }
  };
  const timer = setInterval(take, everyMs);
  take();
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}
