import type { Clock } from '../../src/core/shared/clock.js';

/** A clock that stands still until the test moves it. */
export class ManualClock implements Clock {
  #now: Date;

  constructor(start: string | Date = '2026-03-10T12:00:00Z') {
    this.#now = new Date(start);
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(instant: string | Date): void {
    this.#now = new Date(instant);
  }

  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}
