// Structured logs (pino, JSON lines on stderr so stdout stays free for command output such as `runs --json`).
import { pino, type Logger } from 'pino';

export function createJobsLogger(level = 'info', name = 'storefront-audit'): Logger {
  return pino({ name, level, base: { pid: process.pid } }, pino.destination(2));
}
