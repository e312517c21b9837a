// Catches a query made on the store instead of on the transaction's `tx` from inside a transaction. On
// SQLite that query would wait for the transaction that is waiting for it (a hang); on PostgreSQL it would run
// on another connection, outside the transaction (silently not atomic). Both become a clear error instead.
import { AsyncLocalStorage } from 'node:async_hooks';
import { StoreError } from '../errors.ts';

interface Scope {
  open: boolean;
}

export interface TxGuard {
  /** Runs `fn` as the body of a transaction. */
  within<T>(fn: () => Promise<T>): Promise<T>;
  /** Throws when called from inside a transaction body that is still open. */
  assertOutside(): void;
}

export function createTxGuard(): TxGuard {
  const storage = new AsyncLocalStorage<Scope>();
  return {
    async within<T>(fn: () => Promise<T>): Promise<T> {
      const scope: Scope = { open: true };
      try {
        return await storage.run(scope, fn);
      } finally {
        // Timers started inside the transaction may run after it; they are outside it by then.
        scope.open = false;
      }
    },
    assertOutside(): void {
      if (storage.getStore()?.open) {
        throw new StoreError('invalid-state', 'query on the store inside a transaction: use the `tx` passed to transaction() instead');
      }
    },
  };
}
