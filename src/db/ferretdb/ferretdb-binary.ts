/**
 * The embedded database's program: FerretDB built from source with the Go toolchain, once, into
 * a git-ignored folder of the project.
 */
import { execFile } from 'node:child_process';
import { access, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../../core/shared/logger.js';
import { AppError } from '../../core/errors.js';

const run = promisify(execFile);

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';

/** Where the project keeps the built program, relative to the project folder. */
export const FERRETDB_HOME = '.ferretdb';

/** Names the build with its patch, so that a program built without it is built again. */
const BUILD_NAME = `ferretdb-${FERRETDB_VERSION}-id-index`;

/** The path of the built program inside the project folder. */
export function ferretdbBinaryPath(projectDir: string): string {
  return path.join(projectDir, FERRETDB_HOME, 'bin', BUILD_NAME);
}

/** Returns the program's path, building it first when it is not there yet. */
export async function ensureFerretdbBinary(projectDir: string, parent: Logger): Promise<string> {
  const binary = ferretdbBinaryPath(projectDir);
  if (await exists(binary)) return binary;

  const logger = parent.child({ module: 'embedded-database' });
  await requireGo();
  logger.info(
    { version: FERRETDB_VERSION, binary },
    'building the embedded database (FerretDB) with Go, once; MONGODB_URI is not set, so the ' +
      'app runs on this embedded database. This takes a minute or two.',
  );
  const startedAt = Date.now();
  await buildBinary(projectDir, binary);
  logger.info({ binary, durationMs: Date.now() - startedAt }, 'embedded database built');
  return binary;
}

async function requireGo(): Promise<void> {
  try {
    await run('go', ['version']);
  } catch (error) {
    throw new AppError(
      'database_unavailable',
      'The embedded database is built with Go, and Go is not installed on this machine. ' +
        'Install Go (https://go.dev/dl/), or set MONGODB_URI to a MongoDB server ' +
        '(for example mongodb://localhost:27017/community_profile) to use that instead.',
      { exposable: true, cause: error },
    );
  }
}

/**
 * `go install` of this release gives a program that stops at start-up: the published module
 * lacks the version file that FerretDB's own release build generates. So the module is
 * downloaded with Go, copied, given that file and one fix (below), and built from the copy.
 */
async function buildBinary(projectDir: string, binary: string): Promise<void> {
  const home = path.join(projectDir, FERRETDB_HOME);
  const workDir = path.join(home, `build-${process.pid}-${Date.now()}`);
  const env = { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' };

  try {
    const { stdout } = await run('go', ['mod', 'download', '-json', moduleAtVersion()], {
      env,
      maxBuffer: 1 << 24,
    });
    const moduleDir = (JSON.parse(stdout) as { Dir: string }).Dir;
    await cp(moduleDir, workDir, { recursive: true });
    await makeWritable(workDir);
    await writeFile(path.join(workDir, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    await useIdIndex(workDir);

    const output = `${workDir}.bin`;
    await run('go', ['build', '-trimpath', '-buildvcs=false', '-o', output, './cmd/ferretdb'], {
      cwd: workDir,
      env,
      maxBuffer: 1 << 24,
    });
    await mkdir(path.dirname(binary), { recursive: true });
    // A rename is atomic, so a process that builds at the same time never sees half a file.
    await rename(output, binary);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * FerretDB 1.24's SQLite backend builds its `_id` index on `_ferretdb_sjson->"_id"` but looks
 * `_id` up with `_ferretdb_sjson->'$._id'`. SQLite means the same by both, yet uses an index only
 * for the expression it was built on, so every lookup by `_id` read the whole table: a miss took
 * 10 ms in a table of 2,000 documents. Written the way the index is, it takes half a
 * millisecond at any size. (The PostgreSQL backend has the same flaw: FerretDB issue #4646.)
 */
async function useIdIndex(workDir: string): Promise<void> {
  const file = path.join(workDir, 'internal', 'backends', 'sqlite', 'metadata', 'metadata.go');
  const source = await readFile(file, 'utf8');
  const lookup = `IDColumn = DefaultColumn + "->'$._id'"`;
  if (!source.includes(lookup)) throw new Error(`${file} no longer has ${lookup}`);
  await writeFile(file, source.replace(lookup, `IDColumn = DefaultColumn + "->'_id'"`));
}

function moduleAtVersion(): string {
  return `${FERRETDB_MODULE}@${FERRETDB_VERSION}`;
}

/** The module cache is read-only; the copy must not be, to add the version file. */
async function makeWritable(dir: string): Promise<void> {
  await run('chmod', ['-R', 'u+w', dir]);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
