/** The server half of Mailroom, as Strapi loads it from a plugin's root. */
export { default } from './server/src';
