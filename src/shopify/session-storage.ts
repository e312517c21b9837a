// The SessionStorage that @shopify/shopify-app-express reads and writes, over the project's own sessions
// repository (src/store/, table shopify_sessions). The whole session, access and refresh tokens included, is
// sealed with AES-256-GCM before it reaches the repository, so neither backend ever holds a token in plaintext;
// only the id and shop stay readable, because lookups and shop deletion need them.
import type { Session as SessionType } from '@shopify/shopify-api';
import { Session } from './library.ts';
import type { SessionStorage } from '@shopify/shopify-app-session-storage';
import type { SessionRecord, SessionRepository } from './ports.ts';
import type { TokenCipher } from './token-cipher.ts';

interface StoredSession {
  id: string;
  shop: string;
  state: string;
  isOnline: boolean;
  scope?: string;
  expires?: string;
  accessToken?: string;
  refreshToken?: string;
  refreshTokenExpires?: string;
  onlineAccessInfo?: SessionType['onlineAccessInfo'];
}

export class EncryptedSessionStorage implements SessionStorage {
  readonly #repository: SessionRepository;
  readonly #cipher: TokenCipher;

  constructor(repository: SessionRepository, cipher: TokenCipher) {
    this.#repository = repository;
    this.#cipher = cipher;
  }

  async storeSession(session: SessionType): Promise<boolean> {
    await this.#repository.upsert(this.#toRecord(session));
    return true;
  }

  async loadSession(id: string): Promise<SessionType | undefined> {
    const record = await this.#repository.get(id);
    return record ? this.#toSession(record) : undefined;
  }

  async deleteSession(id: string): Promise<boolean> {
    await this.#repository.deleteMany([id]);
    return true;
  }

  async deleteSessions(ids: string[]): Promise<boolean> {
    await this.#repository.deleteMany(ids);
    return true;
  }

  async findSessionsByShop(shop: string): Promise<SessionType[]> {
    const records = await this.#repository.findByShop(shop);
    return records.map((record) => this.#toSession(record));
  }

  async deleteSessionsByShop(shop: string): Promise<number> {
    return this.#repository.deleteByShop(shop);
  }

  #toRecord(session: SessionType): SessionRecord {
    const stored: StoredSession = {
      id: session.id,
      shop: session.shop,
      state: session.state,
      isOnline: session.isOnline,
      scope: session.scope,
      expires: session.expires?.toISOString(),
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      refreshTokenExpires: session.refreshTokenExpires?.toISOString(),
      onlineAccessInfo: session.onlineAccessInfo,
    };
    return { id: session.id, shop: session.shop, sealed: this.#cipher.encrypt(JSON.stringify(stored)), expiresAt: session.expires ?? null };
  }

  #toSession(record: SessionRecord): SessionType {
    const stored = JSON.parse(this.#cipher.decrypt(record.sealed)) as StoredSession;
    // The sealed copy is authoritative; a row whose plaintext columns disagree with it was tampered with.
    if (stored.id !== record.id || stored.shop !== record.shop) throw new Error(`session row ${record.id} does not match its sealed content`);
    return new Session({
      id: stored.id,
      shop: stored.shop,
      state: stored.state,
      isOnline: stored.isOnline,
      ...(stored.scope !== undefined && { scope: stored.scope }),
      ...(stored.expires && { expires: new Date(stored.expires) }),
      ...(stored.accessToken && { accessToken: stored.accessToken }),
      ...(stored.refreshToken && { refreshToken: stored.refreshToken }),
      ...(stored.refreshTokenExpires && { refreshTokenExpires: new Date(stored.refreshTokenExpires) }),
      ...(stored.onlineAccessInfo && { onlineAccessInfo: stored.onlineAccessInfo }),
    });
  }
}
