// Error text for logs and run history: the message, never a stack.
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** The attempt ran past its time limit; the browser was killed and the job goes back for a retry. */
export class TimeLimitError extends Error {
  constructor(seconds: number) {
    super(`audit exceeded its time limit of ${seconds}s; the browser was killed`);
    this.name = 'TimeLimitError';
  }
}
