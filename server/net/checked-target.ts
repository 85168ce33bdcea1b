/**
 * Turns a URL someone else named into the one address Riposte will connect to: http(s) only,
 * no credentials, the host resolved here and every address it resolves to checked, so a name
 * that points anywhere private is refused rather than raced (DNS rebinding).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type AddressPolicy, addressRefusal } from './address-policy.ts';
import { FetchError } from './fetch-error.ts';

export interface CheckedTarget {
  url: URL;
  /** Every address the host resolved to, all checked: the connection goes to one of these, never to a second lookup's answer. */
  addresses: { address: string; family: 4 | 6 }[];
  port: number;
}

/**
 * `work`, or a 'timeout' FetchError once `signal` fires. A DNS lookup cannot be cancelled; if it
 * fails after the deadline, that failure is settled here and of no interest.
 */
function beforeDeadline<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const fire = () => reject(new FetchError('timeout', 'Looking up the host took too long.'));
    if (signal.aborted) fire();
    else signal.addEventListener('abort', fire, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', fire));
  });
}

/** Parses and checks `href`, giving up when `signal` fires; throws FetchError ('bad-url', 'dns', 'refused' or 'timeout'). */
export async function checkedTarget(href: string | URL, policy: AddressPolicy = {}, signal?: AbortSignal): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new FetchError('bad-url', `"${String(href).slice(0, 200)}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError('bad-url', `${url.protocol} URLs are not fetched, only http and https.`);
  if (url.username || url.password) throw new FetchError('bad-url', 'URLs with a user name or password are not fetched.');
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  // The URL parser has already read odd IPv4 forms (2130706433, 0x7f.1) as dotted quads.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await beforeDeadline(lookup(host, { all: true, verbatim: true }), signal);
    } catch (err) {
      if (err instanceof FetchError) throw err;
      throw new FetchError('dns', `The host ${host} was not found.`, { cause: err });
    }
  }
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, port, policy);
    if (refusal) {
      const shown = address === host ? address : `${host}, which resolves to ${address}`;
      throw new FetchError('refused', `${shown} is ${refusal}; Riposte only fetches from public addresses.`);
    }
  }
  if (addresses.length === 0) throw new FetchError('dns', `The host ${host} has no address.`);
  return { url, addresses: addresses.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 })), port };
}
