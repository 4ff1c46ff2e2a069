import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

import {
  SHARED_FIELDS,
  checkHandlebarsSyntax,
  checkRequiredFields,
  invalid,
  pickTemplateFields,
  readTemplateFields,
  type TemplateFields,
} from '../utils/template-input';
import { TEMPLATE_UID } from './templates';
import type { Author } from './template-versions';

/** A template in one locale as the admin shows it. */
export interface TemplateView extends TemplateFields {
  documentId: string;
  locale: string;
  html: string;
  text: string;
  updatedAt: string;
  /** Every locale this template exists in. */
  locales: string[];
}

export interface TemplateSummary {
  documentId: string;
  slug: string;
  name: string;
  locale: string;
  editor: string;
  subject: string;
  updatedAt: string;
  locales: string[];
}

type Row = Record<string, unknown> & { documentId: string; locale: string };

const notFound = (documentId: string, locale?: string): never => {
  throw new errors.NotFoundError(
    locale
      ? `template ${documentId} does not exist in locale '${locale}'`
      : `template ${documentId} does not exist`,
    { code: 'TEMPLATE_NOT_FOUND', documentId, locale: locale ?? null }
  );
};

/**
 * What the admin designer does to templates: list, read, save (always keeping a version), copy
 * between locales, duplicate and delete. Sending keeps using the `templates` service.
 */
const templateAdmin = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(TEMPLATE_UID as 'plugin::mailroom.template');
  const rows = () => strapi.db.query(TEMPLATE_UID as 'plugin::mailroom.template');
  const versions = () => strapi.plugin('mailroom').service('template-versions');
  const i18n = () => strapi.plugin('i18n').service('locales');

  const localesOf = async (documentId: string): Promise<string[]> => {
    const found = (await rows().findMany({ where: { documentId }, select: ['locale'] })) as Row[];
    return found.map((row) => row.locale).sort();
  };

  const findRow = async (documentId: string, locale: string) =>
    (await rows().findOne({ where: { documentId, locale } })) as Row | null;

  const toView = (row: Row, locales: string[]): TemplateView => ({
    ...pickTemplateFields(row),
    documentId: row.documentId,
    locale: row.locale,
    html: (row.html as string | null) ?? '',
    text: (row.text as string | null) ?? '',
    updatedAt: new Date(row.updatedAt as string).toISOString(),
    locales,
  });

  /** Throws unless no other template uses `slug` in any of `locales`. */
  const assertSlugFree = async (slug: string, locales: string[], documentId?: string) => {
    const clash = (await rows().findOne({
      where: {
        slug,
        locale: { $in: locales },
        ...(documentId ? { documentId: { $ne: documentId } } : {}),
      },
      select: ['documentId', 'locale'],
    })) as Row | null;
    if (clash) {
      invalid(`another template already uses the slug '${slug}' in locale '${clash.locale}'`, {
        code: 'SLUG_TAKEN',
        field: 'slug',
        slug,
        locale: clash.locale,
      });
    }
  };

  /** MJML templates are stored with the HTML the server compiled, never the browser's. */
  const finish = async (fields: TemplateFields): Promise<TemplateFields> => {
    const done = { ...fields };
    if (done.editor === 'mjml') {
      done.html = await strapi
        .plugin('mailroom')
        .service('mjml')
        .compile(done.mjml ?? '', { template: done.slug });
    }
    checkHandlebarsSyntax(done);
    return done;
  };

  return {
    /** The default locale's code; templates without a locale in a request use it. */
    async defaultLocale(): Promise<string> {
      return ((await i18n().getDefaultLocale()) as string | undefined) ?? 'en';
    },

    /** Throws `LOCALE_UNKNOWN` unless `locale` is one of the app's i18n locales. */
    async assertLocale(locale: unknown): Promise<string> {
      if (typeof locale !== 'string' || !(await i18n().findByCode(locale))) {
        invalid(`locale ${JSON.stringify(locale)} is not one of this app's locales`, {
          code: 'LOCALE_UNKNOWN',
          field: 'locale',
        });
      }
      return locale as string;
    },

    /**
     * Every template once, in `locale` when it has that locale, else in the default locale, else
     * in any; `q` keeps those whose slug, name or subject contains it.
     */
    async list({ q, locale }: { q?: string; locale?: string } = {}): Promise<TemplateSummary[]> {
      const preferred = [locale, await this.defaultLocale()].filter(Boolean) as string[];
      const all = (await rows().findMany({
        select: ['documentId', 'slug', 'name', 'locale', 'editor', 'subject', 'updatedAt'],
        orderBy: [{ slug: 'asc' }, { locale: 'asc' }],
      })) as Row[];

      const byDocument = new Map<string, Row[]>();
      for (const row of all) {
        byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
      }
      const needle = q?.trim().toLowerCase();
      const summaries: TemplateSummary[] = [];
      for (const group of byDocument.values()) {
        const row =
          preferred.map((code) => group.find((item) => item.locale === code)).find(Boolean) ??
          group[0];
        const summary: TemplateSummary = {
          documentId: row.documentId,
          slug: row.slug as string,
          name: row.name as string,
          locale: row.locale,
          editor: row.editor as string,
          subject: row.subject as string,
          updatedAt: new Date(row.updatedAt as string).toISOString(),
          locales: group.map((item) => item.locale).sort(),
        };
        const haystack = `${summary.slug}\n${summary.name}\n${summary.subject}`.toLowerCase();
        if (!needle || haystack.includes(needle)) summaries.push(summary);
      }
      return summaries;
    },

    /** The template in `locale`. Throws `TEMPLATE_NOT_FOUND` when it has no such locale. */
    async findOne(documentId: string, locale: string): Promise<TemplateView> {
      const row = await findRow(documentId, locale);
      if (!row) return notFound(documentId, locale);
      return toView(row, await localesOf(documentId));
    },

    /** Creates a template in one locale and keeps its first version. */
    async create(locale: unknown, data: unknown, author: Author): Promise<TemplateView> {
      const code = await this.assertLocale(locale);
      const fields = await finish(checkRequiredFields(readTemplateFields(data)));
      await assertSlugFree(fields.slug, [code]);

      const created = await documents().create({ locale: code, data: fields as never });

      strapi.log.info(
        `[mailroom] template '${fields.slug}' (${created.documentId}) created in ${code}`
      );
      const view = await this.findOne(created.documentId, code);
      await versions().record(view, author);
      return view;
    },

    /**
     * Saves `data` over the template in `locale`, creating that locale when the template does
     * not have it yet, and keeps a version. Fields left out keep their stored value.
     */
    async update(
      documentId: string,
      locale: unknown,
      data: unknown,
      author: Author
    ): Promise<TemplateView> {
      const code = await this.assertLocale(locale);
      const locales = await localesOf(documentId);
      if (locales.length === 0) return notFound(documentId);
      const input = readTemplateFields(data);

      const current = await findRow(documentId, code);
      // A new locale starts from the fields all locales share; the rest must come with `data`.
      const base = current ?? (await findRow(documentId, locales[0]));
      const stored = pickTemplateFields(base ?? {});
      const start: Partial<TemplateFields> = current
        ? stored
        : Object.fromEntries(SHARED_FIELDS.map((key) => [key, stored[key]]));
      const fields = await finish(checkRequiredFields({ ...start, ...input }));
      await assertSlugFree(fields.slug, [...new Set([...locales, code])], documentId);

      await documents().update({ documentId, locale: code, data: fields as never });

      strapi.log.info(
        `[mailroom] template '${fields.slug}' (${documentId}) ${current ? 'saved' : 'created'} in ${code}`
      );
      const view = await this.findOne(documentId, code);
      await versions().record(view, author);
      return view;
    },

    /**
     * Deletes the template in `locale`, or in every locale when `locale` is not given, with the
     * versions of what was deleted.
     */
    async remove(
      documentId: string,
      locale?: string
    ): Promise<{ documentId: string; locales: string[] }> {
      const locales = await localesOf(documentId);
      const deleted = locale ? locales.filter((code) => code === locale) : locales;
      if (deleted.length === 0) return notFound(documentId, locale);

      await documents().delete({ documentId, locale: locale ?? '*' } as never);
      await versions().removeFor(documentId, locale);

      strapi.log.info(`[mailroom] template ${documentId} deleted in ${deleted.join(', ')}`);
      return { documentId, locales: deleted };
    },

    /**
     * Copies a template, every locale, under a free slug (`<slug>-copy`, `<slug>-copy-2`...).
     * Answers the copy in the default locale when it has it.
     */
    async duplicate(documentId: string, author: Author): Promise<TemplateView> {
      const source = (await rows().findMany({ where: { documentId } })) as Row[];
      if (source.length === 0) return notFound(documentId);
      const defaultLocale = await this.defaultLocale();
      source.sort(
        (a, b) => Number(b.locale === defaultLocale) - Number(a.locale === defaultLocale)
      );

      const baseSlug = `${source[0].slug as string}-copy`;
      let slug = baseSlug;
      for (let n = 2; await rows().findOne({ where: { slug }, select: ['id'] }); n += 1) {
        slug = `${baseSlug}-${n}`;
      }
      const name = `${source[0].name as string} (copy)`;

      const [first, ...others] = source;
      const copy = await this.create(
        first.locale,
        { ...pickTemplateFields(first), slug, name },
        author
      );
      for (const row of others) {
        await this.update(
          copy.documentId,
          row.locale,
          { ...pickTemplateFields(row), slug, name },
          author
        );
      }
      return this.findOne(copy.documentId, first.locale);
    },

    /** Writes the content of locale `from` into locale `to`, creating `to` when needed. */
    async copyLocale(
      documentId: string,
      { from, to }: { from: unknown; to: unknown },
      author: Author
    ): Promise<TemplateView> {
      const source = await this.findOne(documentId, await this.assertLocale(from));
      const target = await this.assertLocale(to);
      if (target === source.locale) {
        invalid('from and to must be different locales', { code: 'VALIDATION', field: 'to' });
      }
      return this.update(documentId, target, pickTemplateFields(source as never), author);
    },
  };
};

export type TemplateAdminService = ReturnType<typeof templateAdmin>;
export default templateAdmin;
