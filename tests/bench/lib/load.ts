/**
 * The load generator: keep-alive HTTP/1.1 over node:http (llhttp, the native parser), closed
 * loop (N connections, each sends its next request when the last one answers: throughput) or
 * open loop (a fixed request rate whatever the answers: latency). In the open loop each
 * request's latency counts from when it was due, not from when a connection was free, so a
 * stalled server shows in the figures instead of hiding in fewer requests (coordinated omission).
 */
import { Agent, request } from 'node:http';

export interface Req {
  /** Groups results: "get", "post", ... */
  tag: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** Which of several targets (e.g. a thread's index), for the caller's own counting. */
  target?: number;
}

export interface Result {
  tag: string;
  /** Milliseconds from the start of the run to when the request was due (open loop) or sent. */
  at: number;
  /** Latency in milliseconds (for a dropped request: 0). */
  ms: number;
  /** HTTP status; 0 for a network error or timeout, -1 for a request dropped before sending. */
  status: number;
  bytes: number;
  /**
   * The request's target (e.g. a thread's index), passed through. Only that: a soak keeps
   * hundreds of thousands of results, and holding each request (POST bodies too) would grow the
   * load tool's own heap until its garbage collection showed up in the latencies it measures.
   */
  target?: number;
}

/** Browsers ask for compressed answers; so do the readers here (bodies are counted, not decoded). */
export const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'application/json' };

export class Client {
  readonly agent: Agent;
  private readonly base: URL;

  constructor(
    url: string,
    connections: number,
    private readonly timeoutMs = 10_000,
  ) {
    this.base = new URL(url);
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections, scheduling: 'fifo' });
  }

  /** Sends one request; never rejects (failures are status 0). `due` is when latency starts. */
  send(req: Req, due = performance.now()): Promise<{ status: number; bytes: number; ms: number; text?: string }> {
    return new Promise((done) => {
      let finished = false;
      const finish = (status: number, bytes: number, text?: string) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        done({ status, bytes, ms: performance.now() - due, text });
      };
      const headers: Record<string, string> = { ...BROWSER_HEADERS, ...req.headers };
      if (req.body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(req.body));
      }
      const outgoing = request(
        { host: this.base.hostname, port: this.base.port, method: req.method, path: req.path, headers, agent: this.agent },
        (res) => {
          let bytes = 0;
          // Error answers are kept to show what went wrong; successful bodies are only counted.
          const keep: Buffer[] | null = (res.statusCode ?? 0) >= 400 ? [] : null;
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            keep?.push(chunk);
          });
          res.on('end', () => finish(res.statusCode ?? 0, bytes, keep ? Buffer.concat(keep).toString() : undefined));
          res.on('error', () => finish(0, bytes));
        },
      );
      const timer = setTimeout(() => {
        outgoing.destroy(new Error('timeout'));
        finish(0, 0, 'timeout');
      }, this.timeoutMs);
      outgoing.on('error', (err) => finish(0, 0, err.message));
      outgoing.end(req.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface RunStats {
  results: Result[];
  /** Wall time of the run in ms. */
  elapsedMs: number;
  /** The first answer of each kind that was not a success ("POST 503": its body), to show what went wrong. */
  samples: Map<string, string>;
}

function recorder() {
  const results: Result[] = [];
  const samples = new Map<string, string>();
  return {
    results,
    samples,
    add(result: Result, text?: string) {
      results.push(result);
      const kind = `${result.tag} ${result.status === -1 ? 'dropped' : result.status === 0 ? 'failed' : result.status}`;
      if (result.status !== 201 && result.status !== 200 && result.status !== 304 && !samples.has(kind)) {
        samples.set(kind, (text ?? '').slice(0, 300));
      }
    },
  };
}

/** Closed loop: `connections` requests in flight at all times for `durationMs`. */
export async function closedLoop(url: string, connections: number, durationMs: number, next: () => Req): Promise<RunStats> {
  const client = new Client(url, connections);
  const record = recorder();
  const start = performance.now();
  const end = start + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const req = next();
      const sent = performance.now();
      const { status, bytes, ms, text } = await client.send(req, sent);
      record.add({ tag: req.tag, at: sent - start, ms, status, bytes, target: req.target }, text);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  client.close();
  return { results: record.results, elapsedMs: performance.now() - start, samples: record.samples };
}

export interface OpenLoopOptions {
  url: string;
  /** Requests per second, spread evenly. */
  rate: number;
  /** How long to send (Infinity: until `signal` aborts). */
  durationMs: number;
  signal?: AbortSignal;
  /** Keep-alive connections; requests beyond wait for one (and that wait counts in their latency). */
  connections: number;
  /** Requests due but not answered beyond this many are dropped (never sent): the client gives up. */
  maxInFlight?: number;
  timeoutMs?: number;
  next: () => Req;
  /** Called with each result as it comes (e.g. to track thread sizes). */
  onResult?: (result: Result) => void;
}

const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

/** Open loop: a request due every 1/rate seconds, sent whether or not earlier ones answered. */
export async function openLoop(options: OpenLoopOptions): Promise<RunStats> {
  const { rate, durationMs, connections, maxInFlight = connections * 20, next, onResult, signal } = options;
  const client = new Client(options.url, connections, options.timeoutMs);
  const record = recorder();
  const total = Math.floor((rate * durationMs) / 1000);
  const start = performance.now();
  let issued = 0;
  let inFlight = 0;
  while (issued < total && !signal?.aborted) {
    const now = performance.now();
    // Catch up on everything due by now (timers fire late under load; the due times stay exact).
    while (issued < total && start + (issued * 1000) / rate <= now) {
      const due = start + (issued * 1000) / rate;
      issued++;
      const req = next();
      if (inFlight >= maxInFlight) {
        const dropped: Result = { tag: req.tag, at: due - start, ms: 0, status: -1, bytes: 0, target: req.target };
        record.add(dropped, 'dropped: too many requests in flight');
        onResult?.(dropped);
        continue;
      }
      inFlight++;
      client.send(req, due).then(({ status, bytes, ms, text }) => {
        inFlight--;
        const result = { tag: req.tag, at: due - start, ms, status, bytes, target: req.target };
        record.add(result, text);
        onResult?.(result);
      });
    }
    await sleep(1);
  }
  while (inFlight > 0) await sleep(5);
  client.close();
  return { results: record.results, elapsedMs: performance.now() - start, samples: record.samples };
}

/** One request at a time over one keep-alive connection: the latency of each on an otherwise idle server. */
export async function inSequence(url: string, requests: number, next: () => Req, timeoutMs?: number): Promise<RunStats> {
  const client = new Client(url, 1, timeoutMs);
  const record = recorder();
  const start = performance.now();
  for (let i = 0; i < requests; i++) {
    const req = next();
    const sent = performance.now();
    const { status, bytes, ms, text } = await client.send(req, sent);
    record.add({ tag: req.tag, at: sent - start, ms, status, bytes, target: req.target }, text);
  }
  client.close();
  return { results: record.results, elapsedMs: performance.now() - start, samples: record.samples };
}
