/**
 * One HTTP(S) request to a host checked beforehand (see checked-target.ts): Node's own lookup
 * is replaced by one that answers the checked addresses, so the socket can only go there (with
 * Node's fallback between IPv6 and IPv4 intact), while the URL's host name still serves for the
 * Host header and TLS (SNI and the certificate check). No redirects followed; the body is
 * capped after decompression.
 */
import { once } from 'node:events';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { CheckedTarget } from './checked-target.ts';
import { FetchError } from './fetch-error.ts';

export interface PinnedRequestOptions {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Ends the request, whatever it is doing; the caller's deadline. */
  signal: AbortSignal;
  /** Largest body accepted, counted after decompression. */
  maxBytes: number;
  /** Past maxBytes, keep the first maxBytes and stop reading, instead of failing ('too-large'). */
  truncate?: boolean;
}

export interface FetchedResponse {
  /** The URL this answer came from (after redirects, for a fetch that follows them). */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What Riposte asks for; other encodings are not asked for, so they are an error. */
export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

function decoder(encoding: string | undefined) {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === 'identity' || name === '') return null;
  if (name === 'gzip' || name === 'x-gzip') return createGunzip();
  if (name === 'deflate') return createInflate();
  if (name === 'br') return createBrotliDecompress();
  throw new FetchError('network', `The answer is in an encoding Riposte did not ask for (${name.slice(0, 40)}).`);
}

/** Ends the reading of a body once enough of it is kept (`truncate`). */
const ENOUGH = new Error('enough of the body');

/** Collects the body, refusing it (or, with `truncate`, keeping its start) as soon as it passes `maxBytes`. */
function cappedSink(maxBytes: number, truncate: boolean, chunks: Buffer[]): Writable {
  let size = 0;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      const room = maxBytes - size;
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return done();
      }
      if (!truncate) return done(new FetchError('too-large', `The answer is larger than ${maxBytes} bytes.`));
      chunks.push(chunk.subarray(0, room));
      done(ENOUGH);
    },
  });
}

/** Any failure as a FetchError: the caller's deadline as 'timeout', the rest as 'network'. */
function asFetchError(err: unknown, signal: AbortSignal, url: URL): FetchError {
  if (err instanceof FetchError) return err;
  if (signal.aborted) return new FetchError('timeout', `${url.host} took too long to answer.`, { cause: err });
  const detail = err instanceof Error ? ('code' in err && typeof err.code === 'string' ? err.code : err.message) : String(err);
  return new FetchError('network', `Could not get an answer from ${url.host} (${detail}).`, { cause: err });
}

/** A lookup that can only answer the addresses checked before (an IP literal host is not looked up at all). */
function checkedLookup(addresses: CheckedTarget['addresses']): LookupFunction {
  return (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) return callback(null, addresses);
    const [first] = addresses;
    callback(null, first!.address, first!.family);
  };
}

export async function pinnedRequest(target: CheckedTarget, options: PinnedRequestOptions): Promise<FetchedResponse> {
  const { url } = target;
  const request = (url.protocol === 'https:' ? https : http).request({
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: target.port,
    lookup: checkedLookup(target.addresses),
    path: `${url.pathname}${url.search}`,
    method: options.method,
    headers: {
      ...options.headers,
      ...(options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) }),
    },
    signal: options.signal,
    // A fresh connection each time: a pooled socket could belong to another name's address.
    agent: false,
  });
  try {
    const responded = once(request, 'response');
    request.end(options.body);
    const [response] = (await responded) as [http.IncomingMessage];
    if (!options.truncate && Number(response.headers['content-length']) > options.maxBytes) {
      response.destroy();
      throw new FetchError('too-large', `The answer is larger than ${options.maxBytes} bytes.`);
    }
    const chunks: Buffer[] = [];
    const decode = decoder(response.headers['content-encoding']);
    const sink = cappedSink(options.maxBytes, options.truncate === true, chunks);
    try {
      await (decode ? pipeline(response, decode, sink) : pipeline(response, sink));
    } catch (err) {
      if (err !== ENOUGH) throw err;
      request.destroy();
    }
    return { url: url.href, status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) };
  } catch (err) {
    request.destroy();
    throw asFetchError(err, options.signal, url);
  }
}
