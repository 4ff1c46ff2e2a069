import type { Core } from '@strapi/strapi';

import { TEMPLATE_UID } from './strapi';

interface LocaleFields {
  subject: string;
  html: string;
  text?: string;
  preheader?: string;
  fromAddress?: string;
  replyTo?: string;
}

/** Stores a template the way the admin does: one document, one entry per locale. */
export const createTemplate = async (
  strapi: Core.Strapi,
  slug: string,
  locales: Record<string, LocaleFields>
) => {
  const documents = strapi.documents(TEMPLATE_UID as never) as unknown as {
    create(args: object): Promise<{ documentId: string }>;
    update(args: object): Promise<unknown>;
  };
  const [first, ...rest] = Object.entries(locales);
  const base = { slug, name: slug, editor: 'html' };
  const { documentId } = await documents.create({
    locale: first[0],
    data: { ...base, ...first[1] },
  });
  for (const [locale, fields] of rest) {
    await documents.update({ documentId, locale, data: { ...base, ...fields } });
  }
  return documentId;
};
