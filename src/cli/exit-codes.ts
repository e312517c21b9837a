/** What CI scripts can rely on. */
export const EXIT = { ok: 0, budgetBreached: 1, usage: 2 } as const;
