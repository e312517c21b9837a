// Tests use the real PostgreSQL and Redis of the machine; start them when they are down, as CI machines may
// boot without them.
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

function quietly(command: string): boolean {
  try {
    execSync(command, { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

export default function setup(): void {
  if (!quietly('pg_isready -q -h 127.0.0.1 -p 5432')) {
    const versions = (() => {
      try {
        return readdirSync('/etc/postgresql');
      } catch {
        return [];
      }
    })();
    if (versions[0]) quietly(`pg_ctlcluster --skip-systemctl-redirect ${versions[0]} main start`);
  }
  if (!quietly('redis-cli -h 127.0.0.1 -p 6379 ping')) {
    quietly('redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /tmp');
  }
}
