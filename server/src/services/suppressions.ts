import type { Core } from '@strapi/strapi';

export const SUPPRESSION_UID = 'plugin::mailroom.suppression';

export type SuppressionSource = 'bounce' | 'complaint' | 'unsubscribe' | 'manual' | 'webhook';

/** Addresses Mailroom no longer sends to: hard bounces, complaints, unsubscribes. */
const LOOKUP_CHUNK = 500;

const suppressions = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(SUPPRESSION_UID as 'plugin::mailroom.suppression');

  // The worker checks each message it claims; checks made in the same turn of the event loop (a
  // claimed batch) share one query instead of one each.
  let waiting: {
    addresses: string[];
    resolve: (found: Set<string>) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const lookUp = async () => {
    const batch = waiting;
    waiting = [];
    try {
      const all = [...new Set(batch.flatMap((item) => item.addresses))];
      const found = new Set<string>();
      for (let i = 0; i < all.length; i += LOOKUP_CHUNK) {
        const rows = await query().findMany({
          where: { address: { $in: all.slice(i, i + LOOKUP_CHUNK) } },
          select: ['address'],
        });
        for (const row of rows) found.add(row.address as string);
      }
      for (const item of batch) {
        item.resolve(new Set(item.addresses.filter((address) => found.has(address))));
      }
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  };

  return {
    /** The subset of `addresses` that is suppressed, lower-cased. */
    filterSuppressed(addresses: string[]): Promise<Set<string>> {
      if (addresses.length === 0) return Promise.resolve(new Set());
      return new Promise((resolve, reject) => {
        if (waiting.length === 0) setImmediate(lookUp);
        waiting.push({
          addresses: addresses.map((address) => address.toLowerCase()),
          resolve,
          reject,
        });
      });
    },

    /** Suppresses `address`; suppressing it again keeps the first record. */
    async add(entry: {
      address: string;
      reason: string;
      source: SuppressionSource;
      messageId?: string;
      relay?: string;
      responseCode?: number;
    }) {
      const address = entry.address.toLowerCase();
      const existing = await query().findOne({ where: { address } });
      if (existing) return existing;
      try {
        const created = await query().create({ data: { ...entry, address } });
        strapi.log.info(
          `[mailroom] ${address} suppressed (${entry.source}${entry.messageId ? `, message ${entry.messageId}` : ''})`
        );
        return created;
      } catch (error) {
        // Two failures for one address at once: the other insert won.
        const raced = await query().findOne({ where: { address } });
        if (raced) return raced;
        throw error;
      }
    },

    /** Lifts a suppression, so that the address receives mail again. */
    async remove(address: string) {
      return query().delete({ where: { address: address.toLowerCase() } });
    },
  };
};

export type SuppressionsService = ReturnType<typeof suppressions>;
export default suppressions;
