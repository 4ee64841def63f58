import type { SqlBatch } from '../database/sql-batch';

/**
 * Who hears of a workflow step. RequestWorkflow calls it in the step's own transaction, right after
 * the step's event is written, so a listener that writes (the notification outbox) commits or rolls
 * back with the step. The notifications module provides it; requests does not depend on who listens.
 * A step whose writes are deferred passes its batch: the listener's writes go into it.
 */
export abstract class RequestStepListener {
  abstract stepRecorded(eventId: string, requestId: string, at: Date, batch?: SqlBatch | null): Promise<void>;
}
