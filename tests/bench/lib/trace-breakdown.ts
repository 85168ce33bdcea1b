/**
 * Reads a Chromium trace (CDP Tracing, devtools.timeline and the V8 sampling profiler) and says
 * where the page's main thread spent a span of time: script (and in which functions), style
 * recalculation, layout, paint, other work, idle; and the tasks longer than a few milliseconds.
 */

/** The trace categories this reading needs (for browser.startTracing). */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

interface TraceEvent {
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, which the machine's load does not stretch. */
  tdur?: number;
  ph: string;
  name: string;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

const KINDS = ['script', 'style', 'layout', 'paint', 'other'] as const;
type Kind = (typeof KINDS)[number];

const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet', 'InvalidateLayout']);
const LAYOUT = new Set(['Layout', 'UpdateLayerTree']);
const PAINT = new Set(['PrePaint', 'Paint', 'PaintImage', 'Layerize', 'UpdateLayer', 'Commit', 'CompositeLayers', 'PaintSetup']);
const SCRIPT =
  /^(FunctionCall|EvaluateScript|v8\.|V8\.|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|MajorGC|MinorGC|GCEvent|BlinkGC|CppGC)/;

function kindOf(name: string): Kind {
  if (STYLE.has(name)) return 'style';
  if (LAYOUT.has(name)) return 'layout';
  if (PAINT.has(name)) return 'paint';
  if (SCRIPT.test(name)) return 'script';
  return 'other';
}

export interface Breakdown {
  /** Milliseconds of main-thread time per kind in the span, and idle. */
  totals: Record<Kind | 'idle', number>;
  /** Thread (CPU) milliseconds per kind, for events that start in the span: what the machine's load does not stretch. */
  cpu: Record<Kind, number>;
  /** Besides script, the trace events with the most self time (Layout, Paint, ParseHTML ...), in milliseconds. */
  events: { name: string; ms: number }[];
  /** The functions with the most self time (sampled), in milliseconds. */
  functions: { name: string; ms: number }[];
  /** Main-thread tasks longer than 5 ms that overlap the span: start (from the span's start), length, their kinds. */
  tasks: { start: number; ms: number; cpu: number; kinds: Record<Kind, number> }[];
}

/**
 * Where the main thread of the page that marked `anchor` (a performance.mark whose startTime is
 * `anchorAt`, performance.now() milliseconds) spent the time from `from` to `to` (performance.now()).
 */
export function breakdown(traceJson: string, anchor: string, anchorAt: number, from: number, to: number): Breakdown {
  const parsed: unknown = JSON.parse(traceJson);
  const events: TraceEvent[] = Array.isArray(parsed) ? parsed : ((parsed as { traceEvents: TraceEvent[] }).traceEvents ?? []);
  const mark = events.find((e) => e.name === anchor && e.ph !== 'e');
  if (!mark) throw new Error(`The trace holds no mark named ${anchor}.`);
  const { pid, tid } = mark;
  // performance.now() milliseconds -> trace microseconds.
  const offset = mark.ts - anchorAt * 1000;
  const start = offset + from * 1000;
  const end = offset + to * 1000;
  const main = events.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  const totals: Record<Kind | 'idle', number> = { script: 0, style: 0, layout: 0, paint: 0, other: 0, idle: 0 };
  const cpu: Record<Kind, number> = { script: 0, style: 0, layout: 0, paint: 0, other: 0 };
  const tasks: Breakdown['tasks'] = [];
  let busy = 0;
  const byName = new Map<string, number>();
  // Nesting of complete events (ph X) and begin/end pairs: self time goes to the innermost one.
  type Open = { name: string; ts: number; end: number; cpu: number; childCpu: number; task: Breakdown['tasks'][number] | null };
  const stack: Open[] = [];
  const clip = (a: number, b: number) => Math.max(0, Math.min(b, end) - Math.max(a, start));
  let cursor = 0; // where self time of the innermost open event was last counted up to
  const account = (until: number) => {
    const top = stack[stack.length - 1];
    if (top) {
      const ms = clip(cursor, until) / 1000;
      const kind = kindOf(top.name);
      totals[kind] += ms;
      if (kind !== 'script') byName.set(top.name, (byName.get(top.name) ?? 0) + ms);
      const task = stack[0]!.task;
      if (task) task.kinds[kind] += ms;
    }
    cursor = until;
  };
  const closeUntil = (ts: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= ts) {
      const top = stack[stack.length - 1]!;
      account(top.end);
      stack.pop();
      // Thread time: the event's own, less its children's, for events that start in the span.
      if (top.ts >= start && top.ts < end) cpu[kindOf(top.name)] += Math.max(0, top.cpu - top.childCpu) / 1000;
      const parent = stack[stack.length - 1];
      if (parent) parent.childCpu += top.cpu;
    }
    account(ts);
  };
  for (const e of main) {
    if (e.ph === 'X' || e.ph === 'B') {
      closeUntil(e.ts);
      const eventEnd = e.ph === 'X' ? e.ts + (e.dur ?? 0) : matchEnd(main, e);
      let task: Open['task'] = null;
      if (stack.length === 0) {
        busy += clip(e.ts, eventEnd) / 1000;
        if (eventEnd - e.ts > 5000 && clip(e.ts, eventEnd) > 0) {
          const kinds = { script: 0, style: 0, layout: 0, paint: 0, other: 0 };
          task = { start: (e.ts - start) / 1000, ms: (eventEnd - e.ts) / 1000, cpu: (e.tdur ?? Number.NaN) / 1000, kinds };
          tasks.push(task);
        }
      }
      stack.push({ name: e.name, ts: e.ts, end: eventEnd, cpu: e.tdur ?? 0, childCpu: 0, task });
    }
  }
  closeUntil(Number.POSITIVE_INFINITY);
  totals.idle = (end - start) / 1000 - busy;
  const heaviest = [...byName]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8);
  return { totals, cpu, events: heaviest, functions: sampledFunctions(events, pid, tid, start, end), tasks };
}

/** The end of a begin event: its matching end event on the same thread, else the begin itself. */
function matchEnd(main: TraceEvent[], begin: TraceEvent): number {
  let depth = 0;
  for (let i = main.indexOf(begin) + 1; i < main.length; i++) {
    const e = main[i]!;
    if (e.name !== begin.name) continue;
    if (e.ph === 'B') depth++;
    else if (e.ph === 'E' && depth-- === 0) return e.ts;
  }
  return begin.ts;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number };
}

/** Self time per function from the sampling profiler's chunks on the main thread, within the span. */
function sampledFunctions(events: TraceEvent[], pid: number, tid: number, start: number, end: number) {
  const nodes = new Map<number, ProfileNode>();
  const byFunction = new Map<string, number>();
  const profiles = new Map<string, { ts: number; last: { node: number; ts: number } | null }>();
  for (const e of events) {
    if (e.pid !== pid || !e.id) continue;
    if (e.name === 'Profile' && e.tid === tid) profiles.set(e.id, { ts: Number(e.args?.data?.startTime ?? e.ts), last: null });
    if (e.name !== 'ProfileChunk') continue;
    const profile = profiles.get(e.id);
    if (!profile) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    let ts = profile.last?.ts ?? profile.ts;
    for (let i = 0; i < samples.length; i++) {
      ts += deltas[i] ?? 0;
      const last = profile.last;
      if (last && last.ts >= start && ts <= end) {
        const frame = nodes.get(last.node)?.callFrame;
        const file = frame?.url?.split('/').pop() ?? '';
        const name = frame ? `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${(frame.lineNumber ?? 0) + 1}` : ''}` : '?';
        byFunction.set(name, (byFunction.get(name) ?? 0) + (ts - last.ts) / 1000);
      }
      profile.last = { node: samples[i]!, ts };
    }
  }
  return [...byFunction]
    .filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(program)'))
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 15);
}

/** The breakdown as a few lines for the benchmark's output. */
export function describeBreakdown(b: Breakdown, ms: (n: number) => string): string[] {
  const lines = [
    `main thread: ${KINDS.map((k) => `${k} ${ms(b.totals[k])}`).join(', ')}, idle ${ms(b.totals.idle)}`,
    `its CPU time: ${KINDS.map((k) => `${k} ${ms(b.cpu[k])}`).join(', ')}; in all ${ms(KINDS.reduce((n, k) => n + b.cpu[k], 0))}`,
    `tasks over 5 ms: ${
      b.tasks
        .map(
          (t) =>
            `at ${ms(t.start)} ${ms(t.ms)} (cpu ${ms(t.cpu)}: ${KINDS.filter((k) => t.kinds[k] >= 1)
              .map((k) => `${k} ${ms(t.kinds[k])}`)
              .join(', ')})`,
        )
        .join('; ') || 'none'
    }`,
    `besides script: ${b.events.map((e) => `${e.name} ${ms(e.ms)}`).join(', ')}`,
    'script by function (self time, sampled):',
    ...b.functions.map((f) => `  ${ms(f.ms)}  ${f.name}`),
  ];
  return lines;
}
