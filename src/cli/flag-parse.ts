// Flag values checked before any work, each problem collected as a message (one line each, exit 2): shared by
// `audit` (audit-plan.ts) and the service commands (start, serve, demo-store). Light on purpose: it is loaded
// for usage errors, which must be as quick as `--help`.
import type { Message } from '../report/schema.ts';
import { count } from '../report/message.ts';
import { msg } from './text.ts';

export function choiceError(flag: string, value: string, choices: readonly string[], errors: Message[]): undefined {
  errors.push(msg('error.choice', { flag, value, choices: choices.join(', ') }));
  return undefined;
}

export function parseChoice<T extends string>(value: string, flag: string, choices: readonly T[], errors: Message[]): T | undefined {
  return (choices as readonly string[]).includes(value) ? (value as T) : choiceError(flag, value, choices, errors);
}

export function parseInteger(value: string, flag: string, min: number, max: number, errors: Message[]): number | undefined {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  errors.push(msg('error.integerRange', { flag, min: count(min), max: count(max), value }));
  return undefined;
}

/** A TCP port to listen on; 0 lets the system pick a free one. */
export function parsePort(value: string, flag: string, errors: Message[]): number | undefined {
  return parseInteger(value, flag, 0, 65_535, errors);
}
