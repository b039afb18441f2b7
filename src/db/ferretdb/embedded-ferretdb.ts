/** Runs the embedded database: a FerretDB process on a free loopback port, stopped with the app. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import path from 'node:path';
import type { Logger } from '../../core/shared/logger.js';

/** A running embedded database. */
export interface EmbeddedDatabase {
  uri: string;
  /** Stops the process and waits for it to exit. */
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  binary: string;
  /** Where the SQLite files are kept. */
  dataDir: string;
  logger: Logger;
  /** How long to wait for the process to accept connections. */
  startTimeoutMs?: number;
}

/** Starts FerretDB on its SQLite backend and resolves once it accepts connections. */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  await stopOrphan(dataDir, options.logger);

  const port = await findFreePort();
  const child = spawn(options.binary, toArguments(dataDir, port), {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logger = options.logger.child({ module: 'embedded-database', pid: child.pid, port });
  const exited = watchExit(child, logger);
  await writeFile(pidFile(dataDir), String(child.pid));

  await waitUntilListening(port, exited, options.startTimeoutMs ?? 30_000);
  logger.info({ dataDir }, 'embedded database started');
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    stop: () => stopProcess(child, exited, logger),
  };
}

function pidFile(dataDir: string): string {
  return path.join(dataDir, 'ferretdb.pid');
}

/**
 * An app that was killed outright leaves its database process behind on the same files; two
 * processes on one SQLite database would disagree about its metadata, so the old one goes.
 */
async function stopOrphan(dataDir: string, logger: Logger): Promise<void> {
  const pid = Number(await readFile(pidFile(dataDir), 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0) return;

  const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!commandLine.includes('ferretdb') || !commandLine.includes(dataDir)) return;

  logger.warn({ pid, dataDir }, 'stopping an embedded database left over by an earlier run');
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function toArguments(dataDir: string, port: number): string[] {
  return [
    '--handler=sqlite',
    `--sqlite-url=file:${dataDir}/`,
    `--state-dir=${dataDir}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=warn',
    '--log-format=json',
  ];
}

/** Resolves with the exit code once the process ends, and logs what it wrote to stderr. */
function watchExit(child: ChildProcess, logger: Logger): Promise<number | null> {
  let lastLines = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    lastLines = (lastLines + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve) => {
    child.on('error', (err) => {
      logger.error({ err }, 'embedded database could not be started');
      resolve(null);
    });
    child.on('exit', (code, signal) => {
      const fields = { code, signal, stderr: lastLines.trim() || undefined };
      if (code === 0 || signal === 'SIGTERM') logger.debug(fields, 'embedded database exited');
      else logger.warn(fields, 'embedded database exited unexpectedly');
      resolve(code);
    });
  });
}

async function waitUntilListening(port: number, exited: Promise<unknown>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  while (Date.now() < deadline) {
    if (hasExited) throw new Error('the embedded database exited during start-up');
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the embedded database did not listen on port ${port} within ${timeoutMs} ms`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no free port'));
      });
    });
  });
}

async function stopProcess(child: ChildProcess, exited: Promise<unknown>, logger: Logger) {
  if (child.exitCode !== null || child.signalCode !== null) return;

  child.kill('SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, 'timeout'));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    logger.warn({}, 'embedded database did not stop in time; killing it');
    child.kill('SIGKILL');
    await exited;
  }
  logger.info({}, 'embedded database stopped');
}
