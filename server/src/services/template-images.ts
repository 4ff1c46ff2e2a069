import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

/** A file as Strapi's body parser hands it over (formidable). */
export interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

/**
 * Stores images placed in designs in Strapi's media library, so that emails link to them rather
 * than embedding them as base64, which many mail clients block.
 */
const templateImages = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Uploads one image and returns its URL: absolute when `server.url` is an absolute URL, since
   * a mail client resolves no relative link.
   *
   * @throws ValidationError 'FILE_REQUIRED' or 'NOT_AN_IMAGE'
   */
  async upload(files: IncomingFile | IncomingFile[] | undefined): Promise<{ url: string }> {
    const list = Array.isArray(files) ? files : files ? [files] : [];
    if (list.length !== 1) {
      throw new errors.ValidationError('send exactly one image in the multipart field "files"', {
        code: 'FILE_REQUIRED',
        field: 'files',
      });
    }
    const [file] = list;
    if (!file.mimetype?.startsWith('image/')) {
      throw new errors.ValidationError(
        `'${file.originalFilename ?? 'file'}' is ${file.mimetype ?? 'of unknown type'}, not an image`,
        { code: 'NOT_AN_IMAGE', field: 'files', mimetype: file.mimetype ?? null }
      );
    }

    const [stored] = (await strapi
      .plugin('upload')
      .service('upload')
      .upload({ data: {}, files: file })) as { id: number; url: string }[];

    strapi.log.info(`[mailroom] image ${stored.id} uploaded for a template design`);
    const base = strapi.config.get('server.url') as string | undefined;
    const url =
      stored.url.startsWith('/') && base && /^https?:\/\//i.test(base)
        ? `${base.replace(/\/$/, '')}${stored.url}`
        : stored.url;
    return { url };
  },
});

export type TemplateImagesService = ReturnType<typeof templateImages>;
export default templateImages;
