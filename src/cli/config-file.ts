// The config file's name, where it is found, and the checks a usage error needs, without zod: `audit` with
// only flags (a usage error, the first request of an audit) never loads the schemas (zod alone is about 95
// modules and 70-110 ms of start-up on 2 cores, more than the rest of `--help`), only a config or budget does.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_NAMES = ['storefront-audit.config.json', '.storefrontauditrc.json'] as const;

export function isCurrency(code: string): boolean {
  return Intl.supportedValuesOf('currency').includes(code.toUpperCase());
}

/** The config file that applies from `cwd`, or undefined. */
export function discoverConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return file;
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

export type ConfigProblem =
  | { kind: 'unreadable'; file: string; reason: string }
  | { kind: 'json'; file: string; reason: string }
  | { kind: 'issue'; file: string; path: string; problem: string };

