/** Runs the embedded database: a FerretDB process on a free loopback port, stopped with the app. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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

/**
 * Starts FerretDB on its SQLite backend, or joins the one another process of the app already
 * runs on the same folder: two database processes on one set of SQLite files would disagree
 * about its metadata. A process left behind by an app that was killed is taken over.
 */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const logger = options.logger.child({ module: 'embedded-database' });

  await takeStartLock(dataDir);
  try {
    const running = await findRunning(dataDir);
    if (running) return joinRunning(running, logger);
    return await startProcess(options.binary, dataDir, logger, options.startTimeoutMs ?? 30_000);
  } finally {
    await rm(lockPath(dataDir), { recursive: true, force: true });
  }
}

interface RunningState {
  pid: number;
  port: number;
}

/**
 * Starts the database process and keeps it running: if it dies while the app runs, it is
 * started again on the same port, where the driver finds it again by itself.
 */
async function startProcess(
  binary: string,
  dataDir: string,
  parent: Logger,
  timeoutMs: number,
): Promise<EmbeddedDatabase> {
  const port = await findFreePort();
  const logger = parent.child({ port });
  let stopping = false;
  let current: { child: ChildProcess; exited: Promise<number | null> } | undefined;
  await launch();

  async function launch(): Promise<void> {
    const child = spawn(binary, toArguments(dataDir, port), {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = watchExit(child, logger.child({ pid: child.pid }));
    // Known before it listens, so that a stop during a restart stops this process too.
    current = { child, exited };
    await waitUntilListening(port, exited, timeoutMs);
    await writeFile(statePath(dataDir), JSON.stringify({ pid: child.pid, port }));
    logger.info({ dataDir, pid: child.pid }, 'embedded database started');
    void exited.then(() => restartUnlessStopping());
  }

  async function restartUnlessStopping(): Promise<void> {
    for (let attempt = 1; !stopping; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, attempt * 1000)));
      if (stopping) return;
      try {
        await launch();
        return;
      } catch (err) {
        logger.error({ err, attempt }, 'embedded database could not be restarted');
      }
    }
  }

  return {
    uri: toUri(port),
    stop: async () => {
      stopping = true;
      if (current) await stopProcess(current.child, current.exited, logger);
    },
  };
}

function joinRunning(running: RunningState & { orphan: boolean }, parent: Logger) {
  const logger = parent.child({ pid: running.pid, port: running.port });
  if (!running.orphan) {
    logger.info({}, 'joined the embedded database another app process runs');
    return { uri: toUri(running.port), stop: async () => undefined };
  }

  logger.warn({}, 'took over an embedded database left behind by an app that was killed');
  return { uri: toUri(running.port), stop: () => stopByPid(running.pid, logger) };
}

/** The database process serving this folder, if one is running and answering. */
async function findRunning(dataDir: string) {
  const state = await readState(dataDir);
  if (!state) return null;

  const commandLine = await readFile(`/proc/${state.pid}/cmdline`, 'utf8').catch(() => '');
  const servesFolder = commandLine.includes('ferretdb') && commandLine.includes(dataDir);
  if (!servesFolder || !(await canConnect(state.port))) return null;

  const owner = await parentOf(state.pid);
  return { ...state, orphan: owner === null || owner === 1 || !isAlive(owner) };
}

async function readState(dataDir: string): Promise<RunningState | null> {
  try {
    const state = JSON.parse(await readFile(statePath(dataDir), 'utf8')) as RunningState;
    return Number.isInteger(state.pid) && Number.isInteger(state.port) ? state : null;
  } catch {
    return null;
  }
}

/** The parent process id, read from /proc; null where there is no /proc. */
async function parentOf(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields ? Number(fields[1]) : null;
}

/** Only one process at a time decides whether to start the database for a folder. */
async function takeStartLock(dataDir: string): Promise<void> {
  const lock = lockPath(dataDir);
  for (let waited = 0; ; waited += 100) {
    try {
      await mkdir(lock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock older than a start can take was left by a process that died while starting.
    const age = Date.now() - ((await stat(lock).catch(() => null))?.mtimeMs ?? Date.now());
    if (age > 60_000) await rm(lock, { recursive: true, force: true });
    if (waited > 90_000) throw new Error(`${lock} stays locked; remove it if no app is starting`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function statePath(dataDir: string): string {
  return path.join(dataDir, 'ferretdb.json');
}

function lockPath(dataDir: string): string {
  return path.join(dataDir, 'ferretdb.starting');
}

function toUri(port: number): string {
  return `mongodb://127.0.0.1:${port}/`;
}

async function stopByPid(pid: number, logger: Logger): Promise<void> {
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  logger.info({}, 'embedded database stopped');
}

/** Whether a process of that id runs (a signal 0 reaches it). */
export function isAlive(pid: number): boolean {
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
