import { createHash } from 'node:crypto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { sha256Hex, sha256Script } from './digest.ts';

const node = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const texts = ['', 'abc', 'a'.repeat(55), 'a'.repeat(64), '李明完成了规范服务培训 ✓', JSON.stringify({ n: 1.5, s: '\u0000"' })];

describe('the SHA-256 of the transfer digest', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('from WebCrypto matches node:crypto for ASCII and Chinese text', async () => {
    for (const text of texts) expect(await sha256Hex(text), `${text.length} characters`).toBe(node(text));
  });

  test('from the script implementation gives the same digests', async () => {
    for (const text of texts) expect(await sha256Script(text), `${text.length} characters`).toBe(node(text));
  });

  test('falls back to the script implementation on a page that is not a secure context', async () => {
    vi.stubGlobal('isSecureContext', false);
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    expect(await sha256Hex('规范服务培训')).toBe(node('规范服务培训'));
    expect(digest).not.toHaveBeenCalled();
  });
});
