/** The log level comes from STRAPI_LOG_LEVEL, so that tests can keep Strapi quiet. */
export default {
  level: process.env.STRAPI_LOG_LEVEL || 'http',
};
