// Errors the data layer raises on purpose, with a code callers can branch on.
export type StoreErrorCode = 'not-found' | 'invalid-state' | 'invalid-input' | 'config';

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}
