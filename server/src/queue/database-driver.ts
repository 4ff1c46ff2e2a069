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

/**
 * The default driver: polls the messages table. A row is claimed by a conditional update of its
 * lock columns, which only one process can win, so it works the same on SQLite, PostgreSQL and
 * MySQL. A claim that is never released (the process died) expires after `lockTimeout`.
 */
export const createDatabaseDriver = (
  strapi: Core.Strapi,
  { concurrency, bulkShare, pollInterval, lockTimeout }: DatabaseDriverOptions
): QueueDriver => {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const inFlight = new Map<number, Promise<void>>();
  const bulkInFlight = new Set<number>();
  // Bulk mail never takes every slot, so critical and transactional mail never waits behind it.
  const bulkLimit =
    Math.max(1, Math.min(concurrency - 1, Math.floor(concurrency * bulkShare))) || 1;
  const query = () => strapi.db.query(MESSAGE_UID);
  let handler: ((message: ClaimedMessage) => Promise<void>) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  let polling = false;
  let pollAgain = false;

  const claim = async (row: ClaimedMessage): Promise<boolean> => {
    const now = new Date();
    const { count } = await query().updateMany({
      where: {
        id: row.id,
        status: { $in: ['queued', 'sending'] },
        $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }],
      },
      data: {
        status: 'sending',
        lockedBy: workerId,
        lockedUntil: new Date(now.getTime() + lockTimeout),
      },
    });
    return count === 1;
  };

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
        if (!stopping) schedule(0);
      }
    })();
    inFlight.set(row.id, work);
  };

  const ready = (now: Date, lane: 'urgent' | 'bulk', limit: number) =>
    query().findMany({
      where: {
        id: { $notIn: [...inFlight.keys(), 0] },
        priorityRank: lane === 'bulk' ? { $gte: 2 } : { $lt: 2 },
        $or: [
          {
            status: 'queued',
            nextAttemptAt: { $lte: now },
            $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }],
          },
          // A message left mid-send by a process that died.
          { status: 'sending', lockedUntil: { $lt: now } },
        ],
      },
      orderBy: [{ priorityRank: 'asc' }, { nextAttemptAt: 'asc' }, { id: 'asc' }],
      limit,
    }) as Promise<ClaimedMessage[]>;

  const poll = async () => {
    if (stopping || !handler) return;
    if (polling) {
      pollAgain = true;
      return;
    }
    polling = true;
    try {
      do {
        pollAgain = false;
        const free = concurrency - inFlight.size;
        if (free <= 0) break;
        const now = new Date();
        const urgent = await ready(now, 'urgent', free);
        const bulkRoom = Math.min(free - urgent.length, bulkLimit - bulkInFlight.size);
        const bulk = bulkRoom > 0 ? await ready(now, 'bulk', bulkRoom) : [];
        const rows = [...urgent, ...bulk];
        for (const row of rows) {
          if (stopping) break;
          if (!(await claim(row))) continue;
          if (row.priorityRank === 2) bulkInFlight.add(row.id);
          run(row);
        }
        if (urgent.length === free || (bulkRoom > 0 && bulk.length === bulkRoom)) pollAgain = true;
      } while (pollAgain && !stopping && inFlight.size < concurrency);
    } catch (error) {
      strapi.log.error(`[mailroom] queue poll failed: ${(error as Error).message}`);
    } finally {
      polling = false;
    }
  };

  const schedule = (delay: number) => {
    if (stopping) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      poll().finally(() => {
        if (!timer && !stopping) schedule(pollInterval);
      });
    }, delay);
  };

  return {
    name: 'database',

    async start(messageHandler) {
      handler = messageHandler;
      stopping = false;
      schedule(0);
    },

    notify() {
      if (polling) pollAgain = true;
      else schedule(0);
    },

    async stop(timeout) {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
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
