/**
 * SHA-256 for the transfer file's digest: the `Sha256` that domain/transfer.ts takes. WebCrypto where the page has
 * it; WebCrypto exists only in secure contexts, and an LMS may serve the course over plain http, so an audited
 * script implementation (@noble/hashes) stands in there, loaded only then.
 */

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The script implementation, for pages without WebCrypto. */
export async function sha256Script(text: string): Promise<string> {
  const { sha256 } = await import('@noble/hashes/sha2.js');
  return hex(sha256(new TextEncoder().encode(text)));
}

/** SHA-256 of the text's UTF-8 bytes, as 64 lowercase hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.isSecureContext !== false ? globalThis.crypto?.subtle : undefined;
  if (subtle) {
    try {
      return hex(new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text))));
    } catch {
      /* refused (an old or locked-down browser): the script implementation gives the same digest */
    }
  }
  return sha256Script(text);
}
