import { open } from 'node:fs/promises';
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
 * The image types a design may hold, each with a check of the file's first bytes. SVG is left
 * out on purpose: it can carry scripts, and the media library serves it from the admin's origin.
 */
const IMAGE_SIGNATURES = new Map<string, (head: Buffer) => boolean>([
  ['image/png', (head) => head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))],
  ['image/jpeg', (head) => head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))],
  ['image/gif', (head) => head.subarray(0, 4).toString('latin1') === 'GIF8'],
  [
    'image/webp',
    (head) =>
      head.subarray(0, 4).toString('latin1') === 'RIFF' &&
      head.subarray(8, 12).toString('latin1') === 'WEBP',
  ],
]);
const ACCEPTED_TYPES = [...IMAGE_SIGNATURES.keys()];

/** The first bytes of a file, enough for every signature above. */
const readHead = async (filepath: string): Promise<Buffer> => {
  const handle = await open(filepath, 'r');
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

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
    // The declared type comes from the browser, so the file's own bytes must agree with it.
    const mimetype = file.mimetype?.toLowerCase() ?? null;
    // A Map, not an object: a declared type such as 'constructor' must find nothing.
    const matchesSignature = mimetype ? IMAGE_SIGNATURES.get(mimetype) : undefined;
    if (!matchesSignature || !matchesSignature(await readHead(file.filepath))) {
      const name = file.originalFilename ?? 'file';
      const declared = mimetype ?? 'of unknown type';
      throw new errors.ValidationError(
        matchesSignature
          ? `'${name}' is labelled ${declared} but its content is not; only ${ACCEPTED_TYPES.join(', ')} images are accepted`
          : `'${name}' is ${declared}; only ${ACCEPTED_TYPES.join(', ')} images are accepted`,
        { code: 'NOT_AN_IMAGE', field: 'files', mimetype, accepted: ACCEPTED_TYPES }
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
