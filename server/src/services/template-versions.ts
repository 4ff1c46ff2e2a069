import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

import { pickTemplateFields, type TemplateFields } from '../utils/template-input';
import type { TemplateView } from './template-admin';

export const TEMPLATE_VERSION_UID = 'plugin::mailroom.template-version';

/** Who saved a version, as shown in its history. */
export interface Author {
  name: string;
}

export interface VersionSummary {
  id: number;
  locale: string;
  createdAt: string;
  createdByName: string | null;
  subject: string | null;
  editor: string | null;
}

export interface Version extends VersionSummary {
  templateDocumentId: string;
  snapshot: TemplateFields;
}

type Row = Record<string, unknown>;

const SUMMARY_FIELDS = ['id', 'locale', 'createdAt', 'createdByName', 'subject', 'editor'];

/** The name an admin user goes by: first and last name, else username, else email. */
export const authorOf = (user: Record<string, unknown> | undefined): Author => {
  const full = [user?.firstname, user?.lastname].filter(Boolean).join(' ');
  return { name: full || (user?.username as string) || (user?.email as string) || 'unknown' };
};

const toSummary = (row: Row): VersionSummary => ({
  id: row.id as number,
  locale: row.locale as string,
  createdAt: new Date(row.createdAt as string).toISOString(),
  createdByName: (row.createdByName as string | null) ?? null,
  subject: (row.subject as string | null) ?? null,
  editor: (row.editor as string | null) ?? null,
});

/**
 * The history of each template locale: every save stores a full snapshot of the editable fields,
 * and restoring one saves it again, so the history only ever grows.
 */
const templateVersions = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(TEMPLATE_VERSION_UID as 'plugin::mailroom.template-version');

  return {
    /** Stores a snapshot of `template` as saved by `author`. */
    async record(template: TemplateView, author: Author): Promise<VersionSummary> {
      const created = (await strapi
        .documents(TEMPLATE_VERSION_UID as 'plugin::mailroom.template-version')
        .create({
          data: {
            templateDocumentId: template.documentId,
            locale: template.locale,
            snapshot: pickTemplateFields(template as never),
            subject: template.subject,
            editor: template.editor,
            createdByName: author.name,
          } as never,
        })) as Row;
      return toSummary(created);
    },

    /** The versions of the template in `locale`, newest first. */
    async list(documentId: string, locale: string): Promise<VersionSummary[]> {
      const found = (await rows().findMany({
        where: { templateDocumentId: documentId, locale },
        select: SUMMARY_FIELDS,
        // Ids grow with every save; createdAt alone ties when two saves share a millisecond.
        orderBy: { id: 'desc' },
      })) as Row[];
      return found.map(toSummary);
    },

    /** One version with its snapshot. Throws `VERSION_NOT_FOUND` unless it belongs to the template. */
    async findOne(documentId: string, id: unknown): Promise<Version> {
      const versionId = Number(id);
      const row = Number.isInteger(versionId)
        ? ((await rows().findOne({
            where: { id: versionId, templateDocumentId: documentId },
          })) as Row | null)
        : null;
      if (!row) {
        throw new errors.NotFoundError(`template ${documentId} has no version ${String(id)}`, {
          code: 'VERSION_NOT_FOUND',
          documentId,
          id: String(id),
        });
      }
      return {
        ...toSummary(row),
        templateDocumentId: row.templateDocumentId as string,
        snapshot: pickTemplateFields((row.snapshot as Row | null) ?? {}),
      };
    },

    /** Saves the version's snapshot over its locale, which stores a new version in turn. */
    async restore(documentId: string, id: unknown, author: Author): Promise<TemplateView> {
      const version = await this.findOne(documentId, id);
      strapi.log.info(
        `[mailroom] template ${documentId}: restoring version ${version.id} in ${version.locale}`
      );
      return strapi
        .plugin('mailroom')
        .service('template-admin')
        .update(documentId, version.locale, version.snapshot, author);
    },

    /** Forgets the versions of a deleted template locale, or of every locale. */
    async removeFor(documentId: string, locale?: string): Promise<void> {
      await rows().deleteMany({
        where: { templateDocumentId: documentId, ...(locale ? { locale } : {}) },
      });
    },
  };
};

export type TemplateVersionsService = ReturnType<typeof templateVersions>;
export default templateVersions;
