import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { redactSecret, SecretBox } from './secret-box';

describe('SecretBox', () => {
  const key = randomBytes(32);

  it('round-trips and never stores the plaintext', () => {
    const box = new SecretBox([key]);
    const sealed = box.encrypt('shipstation-secret-123');
    assert.ok(!sealed.includes('shipstation-secret-123'));
    assert.equal(box.decrypt(sealed), 'shipstation-secret-123');
    assert.notEqual(box.encrypt('same'), box.encrypt('same'), 'a fresh IV each time');
  });

  it('decrypts with a previous key after rotation and flags the ciphertext as stale', () => {
    const oldBox = new SecretBox([key]);
    const sealed = oldBox.encrypt('dear-key');
    const rotated = new SecretBox([randomBytes(32), key]);
    assert.equal(rotated.decrypt(sealed), 'dear-key');
    assert.equal(rotated.isStale(sealed), true);
    assert.equal(rotated.isStale(rotated.encrypt('x')), false);
  });

  it('refuses tampered ciphertext and unknown keys', () => {
    const box = new SecretBox([key]);
    const parts = box.encrypt('value').split('.');
    parts[4] = Buffer.from('other').toString('base64url');
    assert.throws(() => box.decrypt(parts.join('.')));
    assert.throws(() => new SecretBox([randomBytes(32)]).decrypt(box.encrypt('value')), /unknown key/);
    assert.throws(() => new SecretBox([randomBytes(16)]));
  });

  it('redacts to the last four characters, and hides short secrets entirely', () => {
    assert.equal(redactSecret('abcdefghijkl1234'), '****1234');
    assert.equal(redactSecret('short'), '****');
  });
});
