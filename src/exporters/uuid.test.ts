import { describe, expect, test } from 'vitest';
import { hex, NAMESPACE_URL, sha1, uuidV5 } from './uuid.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('SHA-1', () => {
  test('gives the FIPS 180 example digests', () => {
    expect(hex(sha1(enc('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(enc('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex(sha1(enc('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  });

  test('hashes messages across block boundaries and multi-byte text', () => {
    expect(hex(sha1(enc('a'.repeat(1000))))).toBe('291e9a6c66994949b57ba5e650361e98fc36b1ba');
    expect(hex(sha1(enc('知行')))).toBe('390b698dc990e4857b7a794db2f84fe3fd132aa4');
  });
});

describe('name-based UUIDs', () => {
  test('match the version-5 UUIDs other implementations give', () => {
    expect(uuidV5(NAMESPACE_DNS, 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidV5(NAMESPACE_URL, 'https://zhixing.example/xapi/zhixing-compliance')).toBe('ca3f20be-7aa2-58fc-b00f-0e40e50c77a2');
  });

  test('are the same for the same name and differ for another', () => {
    expect(uuidV5(NAMESPACE_URL, 'a')).toBe(uuidV5(NAMESPACE_URL, 'a'));
    expect(uuidV5(NAMESPACE_URL, 'a')).not.toBe(uuidV5(NAMESPACE_URL, 'b'));
  });

  test('refuse a namespace that is not a UUID', () => {
    expect(() => uuidV5('zhixing', 'a')).toThrow(/not a UUID/);
  });
});
