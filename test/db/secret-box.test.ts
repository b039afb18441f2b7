import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/db/secret-box.js';

const KEY = 'encryption-key-0123456789-0123456789';

describe('createSecretBox', () => {
  it('opens what it sealed, and seals the same text differently each time', () => {
    const box = createSecretBox(KEY);

    const first = box.seal('xoxb-secret');
    const second = box.seal('xoxb-secret');

    expect(first).not.toContain('xoxb');
    expect(first).not.toBe(second);
    expect(box.open(first)).toBe('xoxb-secret');
  });

  it('refuses text sealed under another key or changed after sealing', () => {
    const sealed = createSecretBox(KEY).seal('xoxb-secret');
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);

    expect(() => createSecretBox(`${KEY}-other`).open(sealed)).toThrow();
    expect(() => createSecretBox(KEY).open(`v1.${bytes.toString('base64')}`)).toThrow();
    expect(() => createSecretBox(KEY).open('plain text')).toThrow(/not a sealed secret/);
  });
});
