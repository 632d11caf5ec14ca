/**
 * Name-based UUIDs (RFC 9562 §5.5, version 5: SHA-1 of a namespace and a name), so that an id derived from the same
 * facts is the same on every export and every device: xAPI statement ids and registrations. SHA-1 here only
 * spreads names over the id space; nothing relies on it resisting collisions made on purpose.
 */

/** SHA-1 (FIPS 180-4) of a byte string. */
export function sha1(bytes: Uint8Array): Uint8Array {
  const ml = bytes.length;
  // message + 0x80 + zero padding + 64-bit big-endian bit length, to a multiple of 64 bytes
  const total = Math.ceil((ml + 9) / 64) * 64;
  const msg = new Uint8Array(total);
  msg.set(bytes);
  msg[ml] = 0x80;
  const view = new DataView(msg.buffer);
  view.setUint32(total - 8, Math.floor((ml * 8) / 2 ** 32));
  view.setUint32(total - 4, (ml * 8) >>> 0);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = new Uint32Array(80);
  const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      const [f, k] = i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + w[i]!) >>> 0;
      e = d;
      d = c;
      c = rotl(b, 30) >>> 0;
      b = a;
      a = t;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const ov = new DataView(out.buffer);
  [h0, h1, h2, h3, h4].forEach((h, i) => ov.setUint32(i * 4, h));
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
export const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** RFC 9562 namespace for names that are URLs. */
export const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The version-5 UUID of `name` in `namespace` (itself a UUID). */
export function uuidV5(namespace: string, name: string): string {
  if (!UUID.test(namespace)) throw new Error(`not a UUID: ${namespace}`);
  const ns = Uint8Array.from(namespace.replace(/-/g, '').match(/../g)!, (h) => Number.parseInt(h, 16));
  const n = utf8(name);
  const input = new Uint8Array(ns.length + n.length);
  input.set(ns);
  input.set(n, ns.length);
  const b = sha1(input).slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50; // version 5
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
