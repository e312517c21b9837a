/** A problem with what the user asked for (bad URL, bad flag, unreachable store): one clear line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
