import { createHash } from 'node:crypto';
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

import { fillMissing, missingVariables } from '../utils/template-variables';
import { isPlainObject, readTemplateFields, type TemplateFields } from '../utils/template-input';

/** Gmail clips messages whose HTML is larger than this and hides the rest behind a link. */
export const GMAIL_CLIP_BYTES = 102 * 1024;

export type WarningCode =
  | 'MISSING_VARIABLE'
  | 'HTML_TOO_LARGE'
  | 'IMAGE_WITHOUT_ALT'
  | 'BASE64_IMAGE';

export interface PreviewWarning {
  code: WarningCode;
  message: string;
  detail?: string;
}

export interface PreviewInput {
  documentId?: string;
  locale?: string;
  template?: unknown;
  data?: unknown;
}

export interface Preview {
  subject: string;
  html: string;
  text: string;
  warnings: PreviewWarning[];
}

/** An `<img>` tag; quoted attribute values may hold '>'. */
const IMAGE_TAG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ALT_ATTRIBUTE = /\salt\s*=/i;
const SRC_ATTRIBUTE = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const CSS_DATA_URL = /url\(\s*['"]?data:image\//i;

const shorten = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}...` : value);

/** What in rendered HTML would not show well in an inbox. */
export const checkHtml = (html: string): PreviewWarning[] => {
  const warnings: PreviewWarning[] = [];
  const bytes = Buffer.byteLength(html, 'utf8');
  if (bytes > GMAIL_CLIP_BYTES) {
    warnings.push({
      code: 'HTML_TOO_LARGE',
      message: `the HTML is ${Math.ceil(bytes / 1024)} KB; Gmail clips messages over 102 KB`,
      detail: String(bytes),
    });
  }
  let inlineImages = 0;
  for (const tag of html.match(IMAGE_TAG) ?? []) {
    const match = tag.match(SRC_ATTRIBUTE);
    const src = match?.[1] ?? match?.[2] ?? match?.[3] ?? '';
    if (/^data:/i.test(src.trim())) inlineImages += 1;
    if (!ALT_ATTRIBUTE.test(tag)) {
      warnings.push({
        code: 'IMAGE_WITHOUT_ALT',
        message: 'an image has no alt text; it shows as nothing when images are blocked',
        detail: shorten(src),
      });
    }
  }
  if (CSS_DATA_URL.test(html)) inlineImages += 1;
  if (inlineImages > 0) {
    warnings.push({
      code: 'BASE64_IMAGE',
      message: `${inlineImages} image(s) are embedded as base64; many clients block them, upload them instead`,
      detail: String(inlineImages),
    });
  }
  return warnings;
};

/**
 * Renders a template for the designer's preview with the renderer that sending uses, and says
 * what would go wrong in an inbox instead of failing: missing variables render empty and are
 * listed.
 */
const preview = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Renders the stored template `documentId` in `locale`, with `template`'s fields over it when
   * given (unsaved edits), or `template` alone. `data` defaults to the template's sample data.
   */
  async render({ documentId, locale, template, data }: PreviewInput): Promise<Preview> {
    const admin = strapi.plugin('mailroom').service('template-admin');
    if (data !== undefined && data !== null && !isPlainObject(data)) {
      throw new errors.ValidationError('data must be an object', {
        code: 'VALIDATION',
        field: 'data',
      });
    }
    if (!documentId && template === undefined) {
      throw new errors.ValidationError('pass documentId, template or both', {
        code: 'VALIDATION',
        field: 'template',
      });
    }

    const stored: Partial<TemplateFields> = documentId
      ? await admin.findOne(documentId, locale ?? (await admin.defaultLocale()))
      : {};
    const edits = template === undefined ? {} : readTemplateFields(template);
    const fields = { ...stored, ...edits };
    if (fields.editor === 'mjml' && edits.mjml !== undefined) {
      fields.html = await strapi
        .plugin('mailroom')
        .service('mjml')
        .compile(edits.mjml ?? '', { template: fields.slug });
    }
    const values = (data as Record<string, unknown> | undefined) ?? fields.sampleData ?? {};

    const parts = {
      subject: fields.subject ?? '',
      html: fields.html ?? '',
      text: fields.text ?? '',
    };
    const digest = createHash('sha1')
      .update(JSON.stringify([parts, fields.preheader]))
      .digest('hex');
    const source = {
      cacheKey: `preview:${digest}`,
      slug: fields.slug ?? 'preview',
      ...parts,
      preheader: fields.preheader,
    };
    const renderer = strapi.plugin('mailroom').service('renderer');

    let missing: string[];
    try {
      missing = missingVariables(Object.values(parts), values);
    } catch {
      // Unparsable: the renderer throws TEMPLATE_SYNTAX with the slug and the parser's message.
      renderer.render(source, values, { strict: false });
      missing = [];
    }
    let rendered;
    try {
      // Strict, with the gaps filled, so that the renderer does not log them as a send would.
      rendered = renderer.render(source, fillMissing(values, missing), { strict: true });
    } catch (error) {
      const details = (error as { details?: { code?: string; variable?: string } }).details;
      if (details?.code !== 'MISSING_VARIABLE') throw error;
      // A variable inside {{#each}} or {{#with}}: only the renderer can name it.
      missing.push(details.variable ?? 'unknown');
      rendered = renderer.render(source, values, { strict: false });
    }

    const warnings: PreviewWarning[] = [
      ...missing.map((variable) => ({
        code: 'MISSING_VARIABLE' as const,
        message: `'${variable}' is not in the data; it renders empty`,
        detail: variable,
      })),
      ...checkHtml(rendered.html),
    ];
    return { ...rendered, warnings };
  },
});

export type PreviewService = ReturnType<typeof preview>;
export default preview;
