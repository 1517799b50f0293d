import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import { event } from '../core/events.js';
import { parseCosignerVerifierKey } from './cosignature.js';
import type { Actor } from './events.js';
import { transact } from './transact.js';
import { witnessEvent, witnessStream } from './witness-store.js';

/**
 * Adds a witness (or changes the URL or key of one with the same name): records `ledger.witness_added`.
 * The key must be a cosigner verifier key (type 0x04), the URL an http(s) submission prefix.
 */
export async function addWitness(
  ctx: AppContext,
  actor: Actor,
  input: { url: string; key: string },
): Promise<{ name: string; url: string; verifierKey: string }> {
  const verifierKey = input.key.trim();
  let name: string;
  try {
    name = parseCosignerVerifierKey(verifierKey).name;
  } catch (error) {
    throw new DomainError('invalid_input', 'witness.bad_witness_key', {
      key: verifierKey,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  const url = input.url.trim().replace(/\/+$/, '');
  if (!isHttpUrl(url)) throw new DomainError('invalid_input', 'witness.bad_url', { url: input.url });
  const { result } = await transact(ctx, actor, async () => ({
    events: [event(witnessEvent.added, witnessStream(name), { name, url, verifierKey })],
    result: { name, url, verifierKey },
  }));
  return result;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}
