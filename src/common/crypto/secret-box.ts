import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM encryption of upstream secrets at rest. Each ciphertext names the key that made
 * it (`v1.<keyId>.<iv>.<tag>.<data>`), so ENCRYPTION_KEY can be rotated: the old key moves to
 * ENCRYPTION_KEYS_PREVIOUS and keeps decrypting until every row is re-encrypted.
 */
export class SecretBox {
  private readonly keysById: Map<string, Buffer>;
  private readonly currentId: string;

  constructor(keys: Buffer[]) {
    if (keys.length === 0 || keys.some((k) => k.length !== 32)) {
      throw new Error('SecretBox needs at least one 32-byte key');
    }
    this.keysById = new Map(keys.map((k) => [keyId(k), k]));
    this.currentId = keyId(keys[0]);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keysById.get(this.currentId)!, iv);
    cipher.setAAD(Buffer.from(this.currentId));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', this.currentId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  decrypt(ciphertext: string): string {
    const [version, id, iv, tag, data] = ciphertext.split('.');
    const key = this.keysById.get(id);
    if (version !== 'v1' || !key || iv === undefined || tag === undefined || data === undefined) {
      throw new Error(`Cannot decrypt a secret made with unknown key ${id ?? '?'}`);
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** True when the ciphertext was made with an older key and should be re-encrypted. */
  isStale(ciphertext: string): boolean {
    return ciphertext.split('.')[1] !== this.currentId;
  }
}

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** What responses show of a secret: its last four characters (SPEC §8). */
export function redactSecret(secret: string): string {
  return secret.length < 12 ? '****' : `****${secret.slice(-4)}`;
}
