import schema from './schema.json';

export default {
  schema: {
    ...schema,
    // A database-level guarantee: concurrent sends with one idempotency key store one message.
    indexes: [
      {
        name: 'mailroom_messages_idempotency_key_unique',
        columns: ['idempotency_key'],
        type: 'unique',
      },
      { name: 'mailroom_messages_queue_idx', columns: ['status', 'next_attempt_at'] },
    ],
  },
};
