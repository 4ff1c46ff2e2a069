import schema from './schema.json';

export default {
  schema: {
    ...schema,
    indexes: [{ name: 'mailroom_relay_events_relay_at_idx', columns: ['relay', 'kind', 'at'] }],
  },
};
