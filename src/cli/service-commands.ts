// Long-running and queue commands: start, serve, worker, enqueue, schedule, runs, demo-store.
import type { Command } from 'commander';

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
