/**
 * A queue driver decides when a stored message is handed to the worker. Messages themselves always
 * live in `plugin::mailroom.message`; a driver only claims them, so that each message is worked on
 * by one worker at a time, across processes.
 */
export interface QueueDriver {
  readonly name: string;
  /** Starts handing claimed messages to `handler`, at most `concurrency` at a time. */
  start(handler: (message: ClaimedMessage) => Promise<void>): Promise<void>;
  /** Tells the driver that new work may be waiting, so that it looks now instead of at the next poll. */
  notify(): void;
  /** Stops claiming, waits for the messages in flight (up to `timeout` ms) and releases the rest. */
  stop(timeout: number): Promise<void>;
  /** How many messages this process is working on now. */
  inFlight(): number;
}

export interface ClaimedMessage {
  id: number;
  documentId: string;
  priorityRank: number;
  [key: string]: unknown;
}
