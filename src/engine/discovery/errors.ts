import { UsageError } from '../errors.ts';

/** The store's home page could not be fetched at all: DNS, TLS, refused, timeout, blocked address, 5xx. */
export class StoreUnreachableError extends UsageError {
  override name = 'StoreUnreachableError';
  readonly url: string;
  constructor(url: string, reason: string) {
    super(`Cannot reach the store at ${url}: ${reason}`);
    this.url = url;
  }
}
