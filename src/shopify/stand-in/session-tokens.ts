// App Bridge session tokens as Shopify issues them (shopify.dev, "Session tokens"): an HS256 JWT signed with the
// app's client secret, with iss = https://<shop>/admin, dest = https://<shop>, aud = the client id, sub = the
// staff user id, exp one minute after iat, nbf, jti and sid.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

export interface SessionTokenOptions {
  apiKey: string;
  apiSecret: string;
  shop: string;
  userId?: string;
  /** Seconds since the epoch; defaults to now. */
  issuedAt?: number;
  lifetimeSeconds?: number;
  /** Overrides for fault tests: a different audience, or a token signed with the wrong secret. */
  audience?: string;
  signingSecret?: string;
}

export async function signSessionToken(options: SessionTokenOptions): Promise<string> {
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const exp = iat + (options.lifetimeSeconds ?? 60);
  return new SignJWT({
    iss: `https://${options.shop}/admin`,
    dest: `https://${options.shop}`,
    sid: randomUUID(),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience(options.audience ?? options.apiKey)
    .setSubject(options.userId ?? '42')
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(options.signingSecret ?? options.apiSecret));
}
