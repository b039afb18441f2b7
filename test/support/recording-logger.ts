/** A logger that keeps every line, so that tests can wait for work the app does after replying. */
import type { Logger } from '../../src/core/shared/logger.js';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

export class RecordingLogger implements Logger {
  readonly lines: LogLine[];
  readonly #bindings: Record<string, unknown>;
  readonly #waiters: { check: () => boolean; resolve: () => void }[];

  constructor(
    lines: LogLine[] = [],
    bindings: Record<string, unknown> = {},
    waiters: RecordingLogger['waiters'] = [],
  ) {
    this.lines = lines;
    this.#bindings = bindings;
    this.#waiters = waiters;
  }

  /** The waiters shared by a logger and its children. */
  get waiters() {
    return this.#waiters;
  }

  debug(fields: object, message: string) {
    this.#write('debug', fields, message);
  }
  info(fields: object, message: string) {
    this.#write('info', fields, message);
  }
  warn(fields: object, message: string) {
    this.#write('warn', fields, message);
  }
  error(fields: object, message: string) {
    this.#write('error', fields, message);
  }

  child(bindings: object): Logger {
    return new RecordingLogger(this.lines, { ...this.#bindings, ...bindings }, this.#waiters);
  }

  /** How many lines have one of the messages. */
  count(messages: readonly string[]): number {
    return this.lines.filter((line) => messages.includes(line.message)).length;
  }

  /** Resolves once at least `count` lines carry one of the messages. */
  waitForCount(messages: readonly string[], count: number, timeoutMs = 15_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => this.count(messages) >= count;
      if (check()) return resolve();
      const timer = setTimeout(() => {
        const seen = this.count(messages);
        reject(new Error(`saw ${seen} of ${count} lines "${messages.join('" or "')}"`));
      }, timeoutMs);
      this.#waiters.push({
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  #write(level: LogLine['level'], fields: object, message: string) {
    this.lines.push({ level, message, fields: { ...this.#bindings, ...fields } });
    for (const waiter of [...this.#waiters]) {
      if (!waiter.check()) continue;
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}
