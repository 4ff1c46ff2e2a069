import schema from './schema.json';

export default {
  schema: {
    ...schema,
    indexes: [
      { name: 'mailroom_suppressions_address_unique', columns: ['address'], type: 'unique' },
    ],
  },
};
