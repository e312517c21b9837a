// Access and refresh tokens are bearer credentials for a merchant's store, so they never touch the database in
// plaintext. AES-256-GCM authenticates as well as encrypts: a tampered ciphertext fails to decrypt rather than
// yielding a garbage token.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;

export class TokenCipherError extends Error {
  override name = 'TokenCipherError';
}

export interface TokenCipher {
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
}

/** Accepts 64 hex characters or base64 of exactly 32 bytes; anything else is a configuration error. */
export function parseEncryptionKey(raw: string): Buffer {
  const trimmed = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new TokenCipherError('ENCRYPTION_KEY must be 32 bytes, given as 64 hex characters or base64 (try: openssl rand -hex 32)');
  }
  return key;
}

/**
 * Development fallback when no key is configured: derived from the app secret so sessions survive restarts of a
 * local server. Production refuses to start without a real key (see resolveTokenKey).
 */
export function developmentKey(apiSecret: string): Buffer {
  return createHash('sha256').update(`storefront-auditor dev token key:${apiSecret}`).digest();
}

export function resolveTokenKey(options: { encryptionKey: string | undefined; production: boolean; apiSecret: string }): Buffer {
  if (options.encryptionKey) return parseEncryptionKey(options.encryptionKey);
  if (options.production) {
    throw new TokenCipherError('ENCRYPTION_KEY is required in production: Shopify access tokens are encrypted at rest with it');
  }
  return developmentKey(options.apiSecret);
}

export function createTokenCipher(key: Buffer): TokenCipher {
  if (key.length !== 32) throw new TokenCipherError('token key must be 32 bytes');
  return {
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new TokenCipherError('not a sealed token');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new TokenCipherError('token could not be decrypted: wrong ENCRYPTION_KEY or tampered row');
      }
    },
  };
}
