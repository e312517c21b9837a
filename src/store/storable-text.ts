// Text both backends store the same way. PostgreSQL refuses NUL (U+0000) in TEXT and JSONB and refuses unpaired
// UTF-16 surrogates in JSONB; SQLite keeps both, and a lone surrogate comes back as U+FFFD. Either way the
// stored value would not be what was sent, so such text is refused before it reaches any engine. The HTTP
// validation layer (src/server/validate.ts) refuses it at the boundary with a 400; the store refuses it again
// with StoreError('invalid-input') for every other caller (CLI, jobs).

/** Index of the first NUL or unpaired surrogate in `text`, or -1. */
export function badTextAt(text: string): number {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return nul;
  // String.prototype.isWellFormed (Node 20+) is the fast path; tsconfig's lib predates it.
  if ((text as { isWellFormed(): boolean } & string).isWellFormed()) return -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

/**
 * Paths (dot-joined; '' for the value itself) of strings and object keys in `value` that hold bad text, at
 * most `limit`. Walks with an explicit stack, so JSON of any depth is safe.
 */
export function badTextPaths(value: unknown, limit = 10): string[] {
  const found: string[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length && found.length < limit) {
    const item = stack.pop() as { value: unknown; path: string };
    if (typeof item.value === 'string') {
      if (badTextAt(item.value) >= 0) found.push(item.path);
    } else if (Array.isArray(item.value)) {
      for (let i = item.value.length - 1; i >= 0; i--) stack.push({ value: item.value[i], path: join(item.path, String(i)) });
    } else if (item.value && typeof item.value === 'object') {
      for (const [key, inner] of Object.entries(item.value).reverse()) {
        if (badTextAt(key) >= 0) found.push(join(item.path, key));
        stack.push({ value: inner, path: join(item.path, key) });
      }
    }
  }
  return found;
}
