/**
 * SHA-256 for checking transfer files' digests on the trainer's device, inside the import worker. WebCrypto where
 * the context is secure; the audited script implementation (@noble/hashes) otherwise (a course served over plain
 * http), imported statically so the worker is one chunk.
 */
import { sha256 } from '@noble/hashes/sha2.js';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const subtle = globalThis.isSecureContext !== false ? globalThis.crypto?.subtle : undefined;
  if (subtle) {
    try {
      return hex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
    } catch {
      /* refused: the script implementation gives the same digest */
    }
  }
  return hex(sha256(bytes));
}
