/** Why an event cannot reverse what it names: errors for the sender (SPEC §4). */
import { AppError } from '../errors.js';
import type { ActivityEvent } from './activity-event.js';

/** The event names an id the source never sent. */
export function unknownReversalTarget(event: ActivityEvent): AppError {
  return new AppError(
    'unknown_reversal_target',
    `event "${event.eventId}" reverses "${event.reverses}", which this source never sent`,
    { exposable: true, details: { eventId: event.eventId } },
  );
}

/** The event names a reversal; taking a reversal back would hand out points twice. */
export function reversalOfReversal(event: ActivityEvent): AppError {
  return new AppError(
    'invalid_reversal',
    `event "${event.eventId}" reverses "${event.reverses}", which is itself a reversal`,
    { exposable: true, details: { eventId: event.eventId } },
  );
}
