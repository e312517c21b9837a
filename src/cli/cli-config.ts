// An optional JSON config file for CI use: everything a flag can say, plus per-audit options (checkout
// selectors and test address, app names) that are too long for flags.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UsageError } from '../engine/errors.ts';

const cliConfigSchema = z
  .object({
    only: z.array(z.enum(['load', 'checkout', 'links'])).optional(),
    device: z.enum(['mobile', 'desktop', 'both']).optional(),
    runs: z.number().int().min(1).optional(),
    maxPages: z.number().int().min(1).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    /** The CLI may audit a store on localhost or a private network; set false to refuse such targets. */
    allowPrivateAddresses: z.boolean().optional(),
    artifactsDir: z.string().optional(),
    inputs: z
      .object({
        monthlySessions: z.number().nonnegative().optional(),
        conversionRate: z.number().min(0).max(1).optional(),
        averageOrderValue: z.number().nonnegative().optional(),
        currency: z.string().length(3).optional(),
      })
      .optional(),
    budget: z.unknown().optional(),
    audits: z.partialRecord(z.enum(['load', 'checkout', 'links']), z.record(z.string(), z.unknown())).optional(),
  })
  .strict();

export type CliConfig = z.infer<typeof cliConfigSchema>;

export async function loadCliConfig(path: string): Promise<CliConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read config file ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = cliConfigSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UsageError(`config file ${path}: ${first?.path.join('.') || '(root)'}: ${first?.message}`);
  }
  return parsed.data as CliConfig;
}
