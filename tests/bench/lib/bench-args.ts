/**
 * Command-line options every benchmark shares (`--checkout DIR`, `--quick`) plus its own, and
 * the header each prints: which checkout, which Node, how busy the machine was.
 */
import { loadavg, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { resolveCheckout, type Checkout } from './checkout.ts';

type Options = Record<string, { type: 'string' } | { type: 'boolean'; default: boolean }>;

/** Parses the shared options and `own`; `usage` lists `own` for --help. */
export function benchArgs(
  name: string,
  usage: string,
  own: Options,
): { values: Record<string, string | boolean | undefined>; checkout: Checkout } {
  const { values }: { values: Record<string, string | boolean | undefined> } = parseArgs({
    args: process.argv.slice(2),
    options: { checkout: { type: 'string' }, quick: { type: 'boolean', default: false }, help: { type: 'boolean' }, ...own },
    allowPositionals: false,
  });
  if (values.help) {
    const shared = [
      '  --checkout DIR    the Riposte checkout to measure (or RIPOSTE_BENCH_CHECKOUT; default: this one)',
      '  --quick           a short run',
    ];
    console.log(`${name}\n\nOptions:\n${shared.join('\n')}\n${usage}`);
    process.exit(0);
  }
  const checkout: Checkout = resolveCheckout(typeof values.checkout === 'string' ? values.checkout : undefined);
  return { values, checkout };
}

/**
 * For the benchmarks that run this checkout's modules in process (`--quick` and `--help` only;
 * no `--checkout`): parses them, then prints `title` and the header.
 */
export function inProcessArgs(name: string, title: string): { quick: boolean } {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { quick: { type: 'boolean', default: false }, help: { type: 'boolean' } },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(`${name}\n\nMeasures this checkout, in process.\n\nOptions:\n  --quick           a short run`);
    process.exit(0);
  }
  printHeader(title, resolveCheckout(undefined));
  return { quick: values.quick };
}

/** A number option (given as text), or the fallback. */
export function numberOption(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(n) || n <= 0)
    throw new Error(`--${name} must be a positive number, not ${String(value)}`);
  return n;
}

/** "load 1.52 0.98 0.40 on 2 cores": the machine's 1, 5 and 15-minute load, printed beside figures. */
export function machineLoad(): string {
  return `load ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} on ${cpus().length} cores`;
}

export function printHeader(title: string, checkout: Checkout): void {
  console.log(`${title}`);
  console.log(
    `  checkout ${checkout.dir} (${checkout.label}), Node ${process.versions.node}, ${machineLoad()}, ${new Date().toISOString()}`,
  );
}
