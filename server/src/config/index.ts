import { validateConfig } from './validate';

export type { MailroomConfig, RelayConfig } from './types';

export default {
  // Defaults live in the validator, which fills them in when the config is read. Strapi would
  // merge arrays in a default config index by index (a user's `retry.delays: [500]` would keep
  // the default's later entries), so nothing is merged here.
  default: {},
  validator: (config: unknown) => {
    validateConfig(config);
  },
};
