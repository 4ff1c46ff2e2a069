import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

import type { RenderSource, Rendered } from './renderer';

export const TEMPLATE_UID = 'plugin::mailroom.template';

export interface StoredTemplate {
  id: number;
  documentId: string;
  slug: string;
  name: string;
  locale: string;
  editor: 'designer' | 'mjml' | 'html';
  subject: string;
  preheader?: string | null;
  fromAddress?: string | null;
  replyTo?: string | null;
  html?: string | null;
  text?: string | null;
  design?: unknown;
  mjml?: string | null;
  sampleData?: Record<string, unknown> | null;
  updatedAt: string;
}

export const toRenderSource = (template: StoredTemplate): RenderSource => ({
  cacheKey: `${template.documentId}:${template.locale}:${template.updatedAt}`,
  slug: template.slug,
  subject: template.subject ?? '',
  html: template.html ?? '',
  text: template.text,
  preheader: template.preheader,
});

/**
 * Stored templates: looked up by slug and locale, falling back to the default locale, and
 * rendered by the same renderer that sending uses.
 */
const CACHE_TTL_MS = 60_000;

const templates = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(TEMPLATE_UID as 'plugin::mailroom.template');
  // Sends look up the same few templates over and over. Lookups are cached briefly, and every
  // write to a template (from the admin, an import or code) empties the cache at once.
  const lookups = new Map<string, { template: StoredTemplate | null; until: number }>();
  let defaultLocaleCache: { code: string; until: number } | undefined;
  let subscribed = false;

  const subscribe = () => {
    if (subscribed) return;
    subscribed = true;
    const clear = () => {
      lookups.clear();
    };
    strapi.db.lifecycles.subscribe({
      models: [TEMPLATE_UID],
      afterCreate: clear,
      afterUpdate: clear,
      afterDelete: clear,
      afterCreateMany: clear,
      afterUpdateMany: clear,
      afterDeleteMany: clear,
    });
    strapi.db.lifecycles.subscribe({
      models: ['plugin::i18n.locale'],
      afterCreate: () => (defaultLocaleCache = undefined),
      afterUpdate: () => (defaultLocaleCache = undefined),
      afterDelete: () => (defaultLocaleCache = undefined),
    });
  };

  const defaultLocale = async (): Promise<string> => {
    if (defaultLocaleCache && defaultLocaleCache.until > Date.now()) return defaultLocaleCache.code;
    const locales = strapi.plugin('i18n')?.service('locales');
    const code = (await locales?.getDefaultLocale?.()) ?? 'en';
    defaultLocaleCache = { code, until: Date.now() + CACHE_TTL_MS };
    return code;
  };

  const findOne = async (slug: string, locale: string) => {
    subscribe();
    const key = `${locale}:${slug}`;
    const cached = lookups.get(key);
    if (cached && cached.until > Date.now()) return cached.template;
    const template = (await documents().findFirst({
      filters: { slug },
      locale,
    } as never)) as StoredTemplate | null;
    lookups.set(key, { template, until: Date.now() + CACHE_TTL_MS });
    return template;
  };

  return {
    /**
     * Finds the template `slug` in `locale`, or in the default locale when it has no version in
     * that one. Throws `NotFoundError` when the slug is unknown.
     */
    async resolve(slug: string, locale?: string): Promise<StoredTemplate> {
      const fallback = await defaultLocale();
      const wanted = locale ?? fallback;
      const template =
        (await findOne(slug, wanted)) ??
        (wanted !== fallback ? await findOne(slug, fallback) : null);
      if (!template) {
        throw new errors.NotFoundError(
          locale && locale !== fallback
            ? `template '${slug}' exists neither in locale '${locale}' nor in the default locale '${fallback}'`
            : `template '${slug}' does not exist in locale '${wanted}'`,
          { code: 'TEMPLATE_NOT_FOUND', template: slug, locale: wanted }
        );
      }
      return template;
    },

    /**
     * Renders a stored template with `data`: `{ subject, html, text }`. The text part comes from
     * the template's own text, or from the HTML when that is empty.
     */
    async render(
      slug: string,
      { data = {}, locale }: { data?: Record<string, unknown>; locale?: string } = {}
    ): Promise<Rendered & { locale: string }> {
      const template = await this.resolve(slug, locale);
      const rendered = strapi
        .plugin('mailroom')
        .service('renderer')
        .render(toRenderSource(template), data);
      return { ...rendered, locale: template.locale };
    },
  };
};

export type TemplatesService = ReturnType<typeof templates>;
export default templates;
