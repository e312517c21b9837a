// Long-running and queue commands: start, serve, worker, enqueue, schedule, runs, demo-store.
import type { Command } from 'commander';
import type { CliKey } from './text.ts';
import { readConfig } from '../config.ts';
import type { Message } from '../report/schema.ts';
import { EXIT } from './exit-codes.ts';
import { parseChoice, parseInteger, parsePort } from './flag-parse.ts';
import { printErrors, t } from './text.ts';

/** Every bad flag of a service command, one line each, exit 2, before anything starts (a worker, a port). */
function refused(errors: Message[], setExitCode: (code: number) => void): boolean {
  if (errors.length === 0) return false;
  printErrors(errors);
  setExitCode(EXIT.usage);
  return true;
}

/** Help text is a catalogue key, formatted when help is shown (main.ts). */
const describe = (key: CliKey): string => key;

export function registerServiceCommands(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('start')
    .description(describe('cmd.start'))
    .option('--once', describe('cmd.start.once'))
    .option('--runs <n>', describe('cmd.start.runs'))
    .option('--port <port>', describe('cmd.port'))
    .action(async (flags: { once?: boolean; runs?: string; port?: string }) => {
      const errors: Message[] = [];
      // The load-time audit's own bound (audit-plan.ts), so `start --runs 16` fails here, not after the store starts.
      if (flags.runs !== undefined) parseInteger(flags.runs, '--runs', 1, 15, errors);
      if (flags.port !== undefined) parsePort(flags.port, '--port', errors);
      if (refused(errors, setExitCode)) return;
      const { startOnce, startServing } = await import('./start-command.ts');
      setExitCode(flags.once ? await startOnce(flags) : await startServing(flags, untilSignal()));
    });

  program
    .command('serve')
    .description(describe('cmd.serve'))
    .option('--port <port>', describe('cmd.port'))
    .option('--host <host>', describe('cmd.serve.host'))
    .action(async (flags: { port?: string; host?: string }) => {
      const errors: Message[] = [];
      if (flags.port !== undefined) parsePort(flags.port, '--port', errors);
      if (refused(errors, setExitCode)) return;
      const config = readConfig();
      const { serveCommand } = await import('./commands/serve.ts');
      const { ensureAdminBuilt } = await import('../admin/build.ts');
      const adminStaticDir = await ensureAdminBuilt();
      setExitCode(
        await serveCommand(config, {
          until: untilSignal(),
          port: flags.port ? Number(flags.port) : config.port,
          host: flags.host ?? config.host,
          adminStaticDir,
          onListening: (url) => process.stderr.write(`${t('serve.listening', { url })}\n`),
        }),
      );
    });

  program
    .command('worker')
    .description(describe('cmd.worker'))
    .action(async () => {
      const { workerCommand } = await import('./commands/worker.ts');
      setExitCode(await workerCommand(readConfig(), { until: untilSignal() }));
    });

  program
    .command('enqueue')
    .description(describe('cmd.enqueue'))
    .argument('<url>', describe('help.url'))
    .option('--only <audits>', describe('cmd.only'))
    .option('--shop <shop>', describe('cmd.shop'))
    .action(async (url: string, flags: { only?: string; shop?: string }) => {
      const { enqueueCommand } = await import('./commands/enqueue.ts');
      setExitCode(await enqueueCommand(readConfig(), url, flags));
    });

  const schedule = program.command('schedule').description(describe('cmd.schedule'));
  schedule
    .command('add')
    .description(describe('cmd.scheduleAdd'))
    .argument('<url>', describe('help.url'))
    .requiredOption('--every <when>', describe('cmd.every'))
    .option('--tz <timezone>', describe('cmd.tz'))
    .option('--only <audits>', describe('cmd.only'))
    .option('--name <name>', describe('cmd.name'))
    .option('--shop <shop>', describe('cmd.shop'))
    .action(async (url: string, flags: { every: string; tz?: string; only?: string; name?: string; shop?: string }) => {
      const { scheduleAddCommand } = await import('./commands/schedule.ts');
      setExitCode(await scheduleAddCommand(readConfig(), url, flags));
    });
  schedule
    .command('list')
    .description(describe('cmd.scheduleList'))
    .option('--json', describe('cmd.json'))
    .option('--shop <shop>', describe('cmd.onlyShop'))
    .action(async (flags: { json?: boolean; shop?: string }) => {
      const { scheduleListCommand } = await import('./commands/schedule.ts');
      setExitCode(await scheduleListCommand(readConfig(), flags));
    });
  schedule
    .command('remove')
    .description(describe('cmd.scheduleRemove'))
    .argument('<shop-or-url>', describe('cmd.shopOrUrl'))
    .option('--name <name>', describe('cmd.scheduleName'))
    .action(async (shopOrUrl: string, flags: { name?: string }) => {
      const { scheduleRemoveCommand } = await import('./commands/schedule.ts');
      setExitCode(await scheduleRemoveCommand(readConfig(), shopOrUrl, flags));
    });

  program
    .command('runs')
    .description(describe('cmd.runs'))
    .option('--json', describe('cmd.json'))
    .option('--shop <shop>', describe('cmd.onlyShop'))
    .option('--limit <n>', describe('cmd.limit'))
    .action(async (flags: { json?: boolean; shop?: string; limit?: string }) => {
      const { runsCommand } = await import('./commands/runs.ts');
      setExitCode(await runsCommand(readConfig(), { ...flags, limit: flags.limit ?? '20' }));
    });

  program
    .command('demo-store')
    .description(describe('cmd.demoStore'))
    .option('--variant <variant>', describe('cmd.variant'))
    .option('--port <port>', describe('cmd.storePort'))
    .option('--products <n>', describe('cmd.products'))
    .option('--checkout <kind>', describe('cmd.checkout'))
    .action(async (flags: { variant?: string; port?: string; products?: string; checkout?: string }) => {
      const errors: Message[] = [];
      const variant = flags.variant === undefined ? 'defective' : parseChoice(flags.variant, '--variant', ['defective', 'fixed'] as const, errors);
      const port = flags.port === undefined ? 4000 : parsePort(flags.port, '--port', errors);
      const productCount = flags.products === undefined ? 48 : parseInteger(flags.products, '--products', 0, 100_000, errors);
      const checkout = flags.checkout === undefined ? 'three-page' : parseChoice(flags.checkout, '--checkout', ['three-page', 'one-page'] as const, errors);
      if (refused(errors, setExitCode)) return;
      const { startDemoStore } = await import('../demo-store/server.ts');
      const store = await startDemoStore({ variant: variant!, port: port!, productCount: productCount!, checkout: checkout! });
      process.stderr.write(`${t('demoStore.listening', { variant: store.variant, url: store.url, cdn: store.appCdnUrl })}\n`);
      await untilSignal();
      await store.close();
      setExitCode(0);
    });
}

export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => resolve(signal);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
