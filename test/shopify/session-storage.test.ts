// Sessions through the SessionStorage adapter on both real backends: tokens sealed at rest (read the raw row),
// restored intact, and unreadable with another key or after tampering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/shopify/library.ts';
import { EncryptedSessionStorage } from '../../src/shopify/session-storage.ts';
import { shopifyStorePorts } from '../../src/shopify/store-ports.ts';
import { createTokenCipher, parseEncryptionKey, TokenCipherError } from '../../src/shopify/token-cipher.ts';
import type { Store } from '../../src/store/index.ts';
import { BACKENDS, type TestBackend } from '../store/backends.ts';
import { ENCRYPTION_KEY } from './harness.ts';

const SHOP = 'vault.myshopify.com';
const ACCESS = 'shpat_0123456789abcdef0123456789abcdef';
const REFRESH = 'shprt_fedcba9876543210fedcba9876543210';

function offlineSession(shop = SHOP): InstanceType<typeof Session> {
  return new Session({
    id: `offline_${shop}`,
    shop,
    state: '',
    isOnline: false,
    scope: 'read_products,read_themes',
    expires: new Date('2030-01-01T01:00:00.000Z'),
    accessToken: ACCESS,
    refreshToken: REFRESH,
    refreshTokenExpires: new Date('2030-04-01T00:00:00.000Z'),
  });
}

describe.each(BACKENDS)('encrypted sessions on %s', (_name, makeBackend) => {
  let backend: TestBackend;
  let store: Store;
  let storage: EncryptedSessionStorage;

  beforeAll(async () => {
    backend = makeBackend();
    store = await backend.open(backend.fresh());
    storage = new EncryptedSessionStorage(shopifyStorePorts(store).sessions, createTokenCipher(parseEncryptionKey(ENCRYPTION_KEY)));
  });

  afterAll(async () => {
    await store?.close();
    await backend?.cleanup();
  });

  it('never writes a token in plaintext', async () => {
    await storage.storeSession(offlineSession());
    const raw = await store.db.get<Record<string, unknown>>('SELECT * FROM shopify_sessions WHERE id = ?', [`offline_${SHOP}`]);
    const everything = JSON.stringify(raw);
    expect(everything).not.toContain(ACCESS);
    expect(everything).not.toContain(REFRESH);
    expect(everything).not.toContain('0123456789abcdef');
    expect(String(raw!.data)).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(raw!.shop).toBe(SHOP);
  });

  it('restores the session exactly', async () => {
    const loaded = await storage.loadSession(`offline_${SHOP}`);
    expect(loaded?.equals(offlineSession())).toBe(true);
    expect(loaded?.refreshTokenExpires?.toISOString()).toBe('2030-04-01T00:00:00.000Z');
    expect(await storage.loadSession('offline_missing.myshopify.com')).toBeUndefined();
  });

  it('cannot be read with another key', async () => {
    const otherKey = new EncryptedSessionStorage(shopifyStorePorts(store).sessions, createTokenCipher(parseEncryptionKey('b'.repeat(64))));
    await expect(otherKey.loadSession(`offline_${SHOP}`)).rejects.toThrow(TokenCipherError);
  });

  it('detects a tampered ciphertext and a row moved to another shop', async () => {
    const other = 'other.myshopify.com';
    await storage.storeSession(offlineSession(other));
    const row = await store.sessions.get(`offline_${other}`);
    const parts = row!.data.split(':');
    const body = Buffer.from(parts[3]!, 'base64');
    body[0] = body[0]! ^ 1;
    await store.sessions.put({ id: row!.id, shop: other, data: [...parts.slice(0, 3), body.toString('base64')].join(':') });
    await expect(storage.loadSession(`offline_${other}`)).rejects.toThrow(TokenCipherError);

    // A sealed session copied into another shop's row is refused, not served to that shop.
    const victim = await store.sessions.get(`offline_${SHOP}`);
    await store.sessions.put({ id: `offline_${other}`, shop: other, data: victim!.data });
    await expect(storage.loadSession(`offline_${other}`)).rejects.toThrow(/does not match/);
  });

  it('finds and deletes by shop', async () => {
    expect((await storage.findSessionsByShop(SHOP)).map((s) => s.id)).toEqual([`offline_${SHOP}`]);
    expect(await storage.deleteSessionsByShop(SHOP)).toBe(1);
    expect(await storage.findSessionsByShop(SHOP)).toEqual([]);
  });
});
