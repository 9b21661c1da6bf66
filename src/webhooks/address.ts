// Where webhooks may go: public unicast addresses only (no private, loopback, link-local, metadata, carrier-grade
// NAT or reserved ranges), unless private addresses are allowed. Checked when an endpoint is saved, and again on the
// socket of every delivery (request-filtering-agent), so a name that later resolves elsewhere (DNS rebinding) is
// refused too.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why an address may not be sent to, or null when it may. */
export function addressRefusal(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const range = ipaddr.parse(address).range();
  return range === 'unicast' ? null : `${address} is a ${range} address`;
}

/** Why a webhook URL may not be used, or null when it may (`allowPrivate` lifts the address rule alone). */
export async function webhookUrlRefusal(url: string, allowPrivate: boolean): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be http:// or https://';
  if (parsed.username || parsed.password) return 'must not carry credentials';
  if (parsed.hash) return 'must not have a fragment';
  if (allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return `${host} does not resolve`;
    }
  }
  for (const address of addresses) {
    const refusal = addressRefusal(address);
    if (refusal) return `${host} resolves to ${refusal}`.replace(`${host} resolves to ${host} is`, `${host} is`);
  }
  return null;
}
