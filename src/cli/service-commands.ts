// Long-running and queue commands: start, serve, worker, enqueue, schedule, runs, demo-store.
import type { Command } from 'commander';
import { readConfig } from '../config.ts';

export function registerServiceCommands(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('start')
    .description('Serve the demo store and the dashboard, audit the demo store, keep running (npm start)')
    .option('--once', 'audit the demo store once, print the report path and exit')
    .option('--runs <n>', 'Lighthouse runs per page for the demo audit', '1')
    .option('--port <port>', 'port for the dashboard (default PORT or 3000)')
    .action(async (flags: { once?: boolean; runs: string; port?: string }) => {
      const { startOnce, startServing } = await import('./start-command.ts');
      setExitCode(flags.once ? await startOnce(flags) : await startServing(flags, untilSignal()));
    });

  program
    .command('serve')
    .description('Run the HTTP server (dashboard, Shopify app, webhooks); in embedded mode also the worker and scheduler')
    .option('--port <port>', 'port (default PORT or 3000)')
    .option('--host <host>', 'address to bind (default HOST or 127.0.0.1)')
    .action(async (flags: { port?: string; host?: string }) => {
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
          onListening: (url) => process.stderr.write(`dashboard: ${url}\n`),
        }),
      );
    });

  program
    .command('worker')
    .description('Run a worker only: takes audits from the queue (PostgreSQL/pg-boss in scale-out mode), one at a time')
    .action(async () => {
      const { workerCommand } = await import('./commands/worker.ts');
      setExitCode(await workerCommand(readConfig(), { until: untilSignal() }));
    });

  program
    .command('enqueue')
    .description('Queue an audit of a store')
    .argument('<url>', 'the store URL')
    .option('--only <audits>', 'comma-separated audits: load,checkout,links')
    .option('--shop <shop>', 'shop key (default: the URL host)')
    .action(async (url: string, flags: { only?: string; shop?: string }) => {
      const { enqueueCommand } = await import('./commands/enqueue.ts');
      setExitCode(await enqueueCommand(readConfig(), url, flags));
    });

  const schedule = program.command('schedule').description('Manage audit schedules');
  schedule
    .command('add')
    .argument('<url>', 'the store URL')
    .requiredOption('--every <when>', 'daily, weekly or a cron expression in quotes, e.g. "30 3 * * *"')
    .option('--tz <timezone>', 'IANA time zone for the schedule, e.g. Europe/Berlin')
    .option('--only <audits>', 'comma-separated audits: load,checkout,links')
    .option('--name <name>', 'schedule name (a shop may have several)')
    .option('--shop <shop>', 'shop key (default: the URL host)')
    .action(async (url: string, flags: { every: string; tz?: string; only?: string; name?: string; shop?: string }) => {
      const { scheduleAddCommand } = await import('./commands/schedule.ts');
      setExitCode(await scheduleAddCommand(readConfig(), url, flags));
    });
  schedule
    .command('list')
    .option('--json', 'print JSON')
    .option('--shop <shop>', 'only this shop')
    .action(async (flags: { json?: boolean; shop?: string }) => {
      const { scheduleListCommand } = await import('./commands/schedule.ts');
      setExitCode(await scheduleListCommand(readConfig(), flags));
    });
  schedule
    .command('remove')
    .argument('<shop-or-url>', 'the shop key or store URL')
    .option('--name <name>', 'schedule name')
    .action(async (shopOrUrl: string, flags: { name?: string }) => {
      const { scheduleRemoveCommand } = await import('./commands/schedule.ts');
      setExitCode(await scheduleRemoveCommand(readConfig(), shopOrUrl, flags));
    });

  program
    .command('runs')
    .description('Run history: status, timings and attempts')
    .option('--json', 'print JSON')
    .option('--shop <shop>', 'only this shop')
    .option('--limit <n>', 'how many runs', '20')
    .action(async (flags: { json?: boolean; shop?: string; limit?: string }) => {
      const { runsCommand } = await import('./commands/runs.ts');
      setExitCode(await runsCommand(readConfig(), flags));
    });

  program
    .command('demo-store')
    .description('Serve the demo storefront (defective or fixed variant) on localhost')
    .option('--variant <variant>', 'defective or fixed', 'defective')
    .option('--port <port>', 'port for the storefront', '4000')
    .option('--products <n>', 'number of products', '48')
    .option('--checkout <kind>', 'three-page or one-page', 'three-page')
    .action(async (flags: { variant: string; port: string; products: string; checkout: string }) => {
      const { startDemoStore } = await import('../demo-store/server.ts');
      const store = await startDemoStore({
        variant: flags.variant === 'fixed' ? 'fixed' : 'defective',
        port: Number(flags.port),
        productCount: Number(flags.products),
        checkout: flags.checkout === 'one-page' ? 'one-page' : 'three-page',
      });
      process.stderr.write(`demo store (${store.variant}) at ${store.url}  app CDN ${store.appCdnUrl}\n`);
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
