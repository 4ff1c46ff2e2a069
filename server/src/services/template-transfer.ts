import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

import {
  EDITORS,
  SLUG_PATTERN,
  TEMPLATE_FIELDS,
  isPlainObject,
  pickTemplateFields,
  type TemplateFields,
} from '../utils/template-input';
import { TEMPLATE_UID } from './templates';
import type { Author } from './template-versions';

export const EXPORT_FORMAT = 'mailroom-templates';
export const EXPORT_VERSION = 1;

/** The fields of one locale in an export; slug and name are shared and sit one level up. */
export type ExportedLocale = Omit<TemplateFields, 'slug' | 'name'>;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  templates: { slug: string; name: string; locales: Record<string, ExportedLocale> }[];
}

interface Problem {
  path: string;
  message: string;
}

type Row = Record<string, unknown> & { documentId: string; locale: string };

const LOCALE_FIELDS = TEMPLATE_FIELDS.filter((key) => key !== 'slug' && key !== 'name');

/** Every problem of an import file at once, with where it is, before anything is written. */
const checkExportFile = (file: unknown, knownLocales: Set<string>): Problem[] => {
  if (!isPlainObject(file)) return [{ path: '', message: 'the file must be a JSON object' }];
  const problems: Problem[] = [];
  if (file.format !== EXPORT_FORMAT) {
    problems.push({ path: 'format', message: `must be '${EXPORT_FORMAT}'` });
  }
  if (file.version !== EXPORT_VERSION) {
    problems.push({ path: 'version', message: `must be ${EXPORT_VERSION}` });
  }
  if (!Array.isArray(file.templates)) {
    problems.push({ path: 'templates', message: 'must be an array' });
    return problems;
  }
  const slugs = new Set<string>();
  file.templates.forEach((template: unknown, index: number) => {
    const at = `templates[${index}]`;
    if (!isPlainObject(template)) {
      problems.push({ path: at, message: 'must be an object' });
      return;
    }
    const { slug, name, locales } = template;
    if (typeof slug !== 'string' || !SLUG_PATTERN.test(slug)) {
      problems.push({ path: `${at}.slug`, message: "must be lowercase a-z, 0-9, '.', '_' or '-'" });
    } else if (slugs.has(slug)) {
      problems.push({ path: `${at}.slug`, message: `'${slug}' appears twice in the file` });
    } else slugs.add(slug);
    if (typeof name !== 'string' || !name.trim()) {
      problems.push({ path: `${at}.name`, message: 'is required' });
    }
    if (!isPlainObject(locales) || Object.keys(locales).length === 0) {
      problems.push({
        path: `${at}.locales`,
        message: 'must be an object with at least one locale',
      });
      return;
    }
    for (const [code, fields] of Object.entries(locales)) {
      const where = `${at}.locales.${code}`;
      if (!knownLocales.has(code)) {
        problems.push({ path: where, message: `'${code}' is not one of this app's locales` });
      }
      if (!isPlainObject(fields)) {
        problems.push({ path: where, message: 'must be an object' });
        continue;
      }
      if (typeof fields.subject !== 'string' || !fields.subject.trim()) {
        problems.push({ path: `${where}.subject`, message: 'is required' });
      }
      if (fields.editor !== undefined && !EDITORS.includes(fields.editor as never)) {
        problems.push({ path: `${where}.editor`, message: `must be one of ${EDITORS.join(', ')}` });
      }
    }
  });
  return problems;
};

const importInvalid = (problems: Problem[]) =>
  new errors.ValidationError(
    `the import file is not valid: ${problems[0].path || 'file'} ${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
    { code: 'IMPORT_INVALID', errors: problems }
  );

/**
 * Moves templates between apps as one JSON file. Importing matches templates by slug: a known
 * slug is updated locale by locale, an unknown one is created; every write keeps a version.
 */
const templateTransfer = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(TEMPLATE_UID as 'plugin::mailroom.template');
  const admin = () => strapi.plugin('mailroom').service('template-admin');

  return {
    /** One template with all its locales when `documentId` is given, else every template. */
    async export(documentId?: string): Promise<ExportFile> {
      const found = (await rows().findMany({
        where: documentId ? { documentId } : {},
        orderBy: [{ slug: 'asc' }, { locale: 'asc' }],
      })) as Row[];
      if (documentId && found.length === 0) {
        throw new errors.NotFoundError(`template ${documentId} does not exist`, {
          code: 'TEMPLATE_NOT_FOUND',
          documentId,
        });
      }
      const byDocument = new Map<string, ExportFile['templates'][number]>();
      for (const row of found) {
        const fields = pickTemplateFields(row);
        const entry = byDocument.get(row.documentId) ?? {
          slug: fields.slug,
          name: fields.name,
          locales: {},
        };
        entry.locales[row.locale] = Object.fromEntries(
          LOCALE_FIELDS.map((key) => [key, fields[key]])
        ) as ExportedLocale;
        byDocument.set(row.documentId, entry);
      }
      return {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: new Date().toISOString(),
        templates: [...byDocument.values()],
      };
    },

    /**
     * Imports an export file in one transaction: either every template is written or none is.
     *
     * @throws ValidationError 'IMPORT_INVALID' with `details.errors` `[{ path, message }]`
     */
    async import(file: unknown, author: Author): Promise<{ created: number; updated: number }> {
      const locales = (await strapi.plugin('i18n').service('locales').find()) as { code: string }[];
      const problems = checkExportFile(file, new Set(locales.map((locale) => locale.code)));
      if (problems.length > 0) throw importInvalid(problems);
      const { templates } = file as ExportFile;

      const counts = { created: 0, updated: 0 };
      await strapi.db.transaction(async () => {
        for (const [index, template] of templates.entries()) {
          const existing = (await rows().findOne({
            where: { slug: template.slug },
            select: ['documentId'],
          })) as Row | null;
          let documentId = existing?.documentId;
          for (const [code, fields] of Object.entries(template.locales)) {
            const data = { ...fields, slug: template.slug, name: template.name };
            try {
              if (documentId) await admin().update(documentId, code, data, author);
              else documentId = (await admin().create(code, data, author)).documentId;
            } catch (error) {
              if (!(error instanceof errors.ValidationError)) throw error;
              throw importInvalid([
                { path: `templates[${index}].locales.${code}`, message: error.message },
              ]);
            }
          }
          counts[existing ? 'updated' : 'created'] += 1;
        }
      });
      strapi.log.info(
        `[mailroom] imported templates: ${counts.created} created, ${counts.updated} updated`
      );
      return counts;
    },
  };
};

export type TemplateTransferService = ReturnType<typeof templateTransfer>;
export default templateTransfer;
