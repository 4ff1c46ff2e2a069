import type { Core } from '@strapi/strapi';

export const SUPPRESSION_UID = 'plugin::mailroom.suppression';

export type SuppressionSource = 'bounce' | 'complaint' | 'unsubscribe' | 'manual' | 'webhook';

/** Addresses Mailroom no longer sends to: hard bounces, complaints, unsubscribes. */
const suppressions = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(SUPPRESSION_UID as 'plugin::mailroom.suppression');

  return {
    /** The subset of `addresses` that is suppressed, lower-cased. */
    async filterSuppressed(addresses: string[]): Promise<Set<string>> {
      if (addresses.length === 0) return new Set();
      const rows = await query().findMany({
        where: { address: { $in: addresses.map((address) => address.toLowerCase()) } },
        select: ['address'],
      });
      return new Set(rows.map((row) => row.address as string));
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
