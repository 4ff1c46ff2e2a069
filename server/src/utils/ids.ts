import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A 24-character id in the same alphabet as Strapi's document ids. */
export const createDocumentId = () => {
  const bytes = randomBytes(24);
  let id = ALPHABET[bytes[0] % 26];
  for (let i = 1; i < 24; i += 1) id += ALPHABET[bytes[i] % ALPHABET.length];
  return id;
};
