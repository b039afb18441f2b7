/** Runs the intake load generator (test/load/intake-load.ts) as a process of its own. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_DIR } from '../../src/db/database.js';
import { FORUM_SOURCE } from './intake-requests.js';
import type { LoadSummary } from '../load/intake-load.js';

export type { LoadSummary };

export interface LoadOptions {
  /** Base URLs of the app instances to send to, in turn. */
  targets: string[];
  /** Events per second. */
  rate: number;
  seconds: number;
}

/** Sends the load as the forum source and resolves with the generator's summary. */
export function runLoad(options: LoadOptions): Promise<LoadSummary> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_DIR, 'test', 'load', 'intake-load.ts')],
    {
      cwd: PROJECT_DIR,
      env: {
        PATH: process.env.PATH,
        LOAD_TARGETS: options.targets.join(','),
        LOAD_RATE: String(options.rate),
        LOAD_SECONDS: String(options.seconds),
        LOAD_SOURCE: FORUM_SOURCE.name,
        LOAD_SECRET: FORUM_SOURCE.secret,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code === 0) resolve(JSON.parse(last) as LoadSummary);
      else reject(new Error(`the load generator exited with ${code}:\n${output}`));
    });
  });
}
