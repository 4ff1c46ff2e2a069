import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import type { ClaimedMessage, QueueDriver } from './types';

const MESSAGE_UID = 'plugin::mailroom.message' as const;

interface DatabaseDriverOptions {
  concurrency: number;
  bulkShare: number;
  pollInterval: number;
  lockTimeout: number;
}

type Lane = 'urgent' | 'bulk';

/**
 * How long a poll waits after new mail or a freed slot, so that sends arriving together, and
 * slots freed together, are served by one poll instead of one each.
 */
const GATHER_MS = 10;

/** Rows that may be worked on now: due and unlocked, or left mid-send by a process that died. */
const readyWhere = (now: Date) => ({
  $or: [
    {
      status: 'queued',
      nextAttemptAt: { $lte: now },
      $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }],
    },
    { status: 'sending', lockedUntil: { $lt: now } },
  ],
});

/**
 * The default driver: polls the messages table. A batch of rows is claimed by one conditional
 * update that stamps them with a claim token; only rows still ready at that moment take the
 * stamp, so two processes never claim the same row, on SQLite, PostgreSQL or MySQL alike. A claim
 * that is never released (the process died) expires after `lockTimeout`.
 */
export const createDatabaseDriver = (
  strapi: Core.Strapi,
  { concurrency, bulkShare, pollInterval, lockTimeout }: DatabaseDriverOptions
): QueueDriver => {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const inFlight = new Map<number, Promise<void>>();
  const bulkInFlight = new Set<number>();
  // Bulk mail never takes every slot, so critical and transactional mail never waits behind it.
  const bulkLimit = Math.max(1, Math.min(concurrency - 1, Math.floor(concurrency * bulkShare)));
  const query = () => strapi.db.query(MESSAGE_UID);
  let handler: ((message: ClaimedMessage) => Promise<void>) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let timerDue = 0;
  let stopping = false;
  let polling: Promise<void> | undefined;
  let pollAgain = false;
  let claims = 0;

  const candidates = (now: Date, lane: Lane | 'any', limit: number) =>
    query().findMany({
      where: {
        id: { $notIn: [...inFlight.keys(), 0] },
        ...(lane === 'any' ? {} : { priorityRank: lane === 'bulk' ? { $gte: 2 } : { $lt: 2 } }),
        ...readyWhere(now),
      },
      select: ['id', 'priorityRank'],
      orderBy: [{ priorityRank: 'asc' }, { nextAttemptAt: 'asc' }, { id: 'asc' }],
      limit,
    }) as Promise<{ id: number; priorityRank: number }[]>;

  /** Claims what it can of `ids` in one update, and returns the rows it won, whole. */
  const claim = async (ids: number[], now: Date): Promise<ClaimedMessage[]> => {
    if (ids.length === 0) return [];
    claims += 1;
    const token = `${workerId}:${claims}`;
    const { count } = await query().updateMany({
      where: { id: { $in: ids }, ...readyWhere(now) },
      data: {
        status: 'sending',
        lockedBy: token,
        lockedUntil: new Date(now.getTime() + lockTimeout),
      },
    });
    if (count === 0) return [];
    return (await query().findMany({
      where: { lockedBy: token },
      orderBy: [{ priorityRank: 'asc' }, { id: 'asc' }],
    })) as ClaimedMessage[];
  };

  /** Hands claimed rows back to the queue untouched, for a claim that raced with `stop()`. */
  const unclaim = (rows: ClaimedMessage[]) =>
    query().updateMany({
      where: { id: { $in: rows.map((row) => row.id) }, lockedBy: rows[0].lockedBy as string },
      data: { status: 'queued', lockedBy: null, lockedUntil: null },
    });

  const run = (row: ClaimedMessage) => {
    const work = (async () => {
      try {
        await handler!(row);
      } catch (error) {
        strapi.log.error(
          `[mailroom] message ${row.documentId}: worker failed: ${(error as Error).message}`
        );
      } finally {
        inFlight.delete(row.id);
        bulkInFlight.delete(row.id);
        if (!stopping) gather();
      }
    })();
    inFlight.set(row.id, work);
    if (row.priorityRank >= 2) bulkInFlight.add(row.id);
  };

  const pollOnce = async () => {
    do {
      pollAgain = false;
      const free = concurrency - inFlight.size;
      if (free <= 0) break;
      const now = new Date();
      const bulkFree = bulkLimit - bulkInFlight.size;
      // Urgent mail first, and bulk only in the room its lane has left. One query ordered by
      // priority serves both lanes while the bulk lane has room.
      const ready = await candidates(now, bulkFree > 0 ? 'any' : 'urgent', free);
      const urgent = ready.filter((row) => row.priorityRank < 2);
      const bulkRoom = Math.max(0, Math.min(free - urgent.length, bulkFree));
      const bulk = ready.filter((row) => row.priorityRank >= 2).slice(0, bulkRoom);
      const rows = await claim(
        [...urgent, ...bulk].map((row) => row.id),
        now
      );
      if (stopping) {
        if (rows.length) await unclaim(rows);
        break;
      }
      for (const row of rows) run(row);
      // A full page may mean more is waiting (bulk rows left out of it can wait for the lane).
      if (ready.length === free && urgent.length + bulk.length > 0) pollAgain = true;
    } while (pollAgain && !stopping && inFlight.size < concurrency);
  };

  const poll = () => {
    if (stopping || !handler) return Promise.resolve();
    if (polling) {
      pollAgain = true;
      return polling;
    }
    polling = pollOnce()
      .catch((error: Error) => {
        strapi.log.error(`[mailroom] queue poll failed: ${error.message}`);
      })
      .finally(() => {
        polling = undefined;
      });
    return polling;
  };

  const schedule = (delay: number) => {
    if (stopping) return;
    if (timer) clearTimeout(timer);
    timerDue = Date.now() + delay;
    timer = setTimeout(() => {
      timer = undefined;
      poll().finally(() => {
        if (!timer && !stopping) schedule(pollInterval);
      });
    }, delay);
  };

  /** Asks for a poll soon, joining one already due rather than starting another. */
  const gather = () => {
    if (stopping) return;
    if (polling) {
      pollAgain = true;
      return;
    }
    if (timer && timerDue <= Date.now() + GATHER_MS) return;
    schedule(GATHER_MS);
  };

  return {
    name: 'database',

    async start(messageHandler) {
      handler = messageHandler;
      stopping = false;
      schedule(0);
    },

    notify() {
      gather();
    },

    async stop(timeout) {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      // A poll in progress may be claiming rows: let it finish (it hands them back) first.
      await polling;
      const drained = Promise.allSettled([...inFlight.values()]);
      let timedOut = false;
      await Promise.race([
        drained,
        new Promise<void>((resolve) =>
          setTimeout(() => {
            timedOut = true;
            resolve();
          }, timeout).unref()
        ),
      ]);
      if (timedOut) {
        strapi.log.warn(
          `[mailroom] queue stopped with ${inFlight.size} message(s) still in flight; they are retried after their lock expires`
        );
      }
    },

    inFlight: () => inFlight.size,
  };
};
