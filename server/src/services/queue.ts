import type { Core } from '@strapi/strapi';

import { createDatabaseDriver } from '../queue/database-driver';
import type { QueueDriver } from '../queue/types';
import { getConfig } from '../utils/config';

/**
 * Owns the queue driver for this process: starts it when Strapi starts, nudges it when a message
 * is queued, and drains it when Strapi stops.
 */
const queue = ({ strapi }: { strapi: Core.Strapi }) => {
  let driver: QueueDriver | undefined;

  return {
    /** Starts the worker. Messages left queued by an earlier run are picked up at once. */
    async start() {
      if (driver) return;
      const config = getConfig(strapi).queue;
      driver = createDatabaseDriver(strapi, config);
      const delivery = strapi.plugin('mailroom').service('delivery');
      await driver.start((message) => delivery.process(message));
      strapi.log.info(
        `[mailroom] queue started (driver ${driver.name}, concurrency ${config.concurrency})`
      );
    },

    /** Called after a message is stored, so that the worker looks at once. */
    notify() {
      driver?.notify();
    },

    /** Stops claiming and waits for the messages in flight. */
    async stop() {
      if (!driver) return;
      const current = driver;
      driver = undefined;
      await current.stop(getConfig(strapi).queue.shutdownTimeout);
      strapi.log.info('[mailroom] queue stopped');
    },

    inFlight: () => driver?.inFlight() ?? 0,
  };
};

export type QueueService = ReturnType<typeof queue>;
export default queue;
