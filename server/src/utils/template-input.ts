import Handlebars from 'handlebars';
import { errors } from '@strapi/utils';

import { parseMailboxes } from './send-input';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
export const EDITORS = ['designer', 'mjml', 'html'] as const;
export type EditorKind = (typeof EDITORS)[number];

/** Every field a marketer edits; a version snapshot holds exactly these. */
export interface TemplateFields {
  slug: string;
  name: string;
  editor: EditorKind;
  subject: string;
  preheader: string | null;
  fromAddress: string | null;
  replyTo: string | null;
  html: string | null;
  /** Empty means generated from the HTML when rendering. */
  text: string | null;
  design: Record<string, unknown> | null;
  mjml: string | null;
  sampleData: Record<string, unknown> | null;
}

export const TEMPLATE_FIELDS: (keyof TemplateFields)[] = [
  'slug',
  'name',
  'editor',
  'subject',
  'preheader',
  'fromAddress',
  'replyTo',
  'html',
  'text',
  'design',
  'mjml',
  'sampleData',
];

/** Fields shared by every locale of a template (not localized in the content type). */
export const SHARED_FIELDS: (keyof TemplateFields)[] = ['slug', 'name'];

const LIMITS: Partial<Record<keyof TemplateFields, number>> = {
  slug: 120,
  name: 200,
  subject: 998,
  preheader: 255,
  fromAddress: 320,
  replyTo: 320,
};

export const invalid = (message: string, details: Record<string, unknown>): never => {
  throw new errors.ValidationError(message, details);
};

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalString = (value: unknown, field: string): string | null => {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') {
    return invalid(`${field} must be a string`, { code: 'VALIDATION', field });
  }
  const limit = LIMITS[field as keyof TemplateFields];
  if (limit && value.length > limit) {
    invalid(`${field} is ${value.length} characters long; at most ${limit} are allowed`, {
      code: 'VALIDATION',
      field,
    });
  }
  return value;
};

const optionalObject = (value: unknown, field: string): Record<string, unknown> | null => {
  if (value === undefined || value === null) return null;
  if (!isPlainObject(value)) {
    return invalid(`${field} must be an object`, { code: 'VALIDATION', field });
  }
  return value;
};

/**
 * Reads the editable fields present in `input`, checking each one's type; fields it does not
 * know (documentId, locales...) are ignored so that a client may send back what it was given.
 */
export const readTemplateFields = (input: unknown): Partial<TemplateFields> => {
  if (!isPlainObject(input)) {
    return invalid('data must be an object of template fields', {
      code: 'VALIDATION',
      field: 'data',
    });
  }
  const fields: Partial<TemplateFields> = {};
  const has = (key: keyof TemplateFields) => Object.prototype.hasOwnProperty.call(input, key);

  if (has('slug')) fields.slug = (optionalString(input.slug, 'slug') ?? '').trim();
  if (has('name')) fields.name = (optionalString(input.name, 'name') ?? '').trim();
  if (has('subject')) fields.subject = optionalString(input.subject, 'subject') ?? '';
  if (has('editor')) {
    if (!EDITORS.includes(input.editor as EditorKind)) {
      invalid(`editor must be one of ${EDITORS.join(', ')}, got ${JSON.stringify(input.editor)}`, {
        code: 'EDITOR_INVALID',
        field: 'editor',
      });
    }
    fields.editor = input.editor as EditorKind;
  }
  for (const key of ['preheader', 'html', 'text', 'mjml'] as const) {
    if (has(key)) fields[key] = optionalString(input[key], key);
  }
  for (const key of ['fromAddress', 'replyTo'] as const) {
    if (!has(key)) continue;
    const value = optionalString(input[key], key);
    // Checked now so that a wrong address fails the save, not every later send.
    if (value) parseMailboxes(value, key);
    fields[key] = value;
  }
  if (has('design')) fields.design = optionalObject(input.design, 'design');
  if (has('sampleData')) fields.sampleData = optionalObject(input.sampleData, 'sampleData');
  return fields;
};

/** Checks what every saved template needs: a well-formed slug, a name and a subject. */
export const checkRequiredFields = (fields: Partial<TemplateFields>): TemplateFields => {
  if (!fields.slug || !SLUG_PATTERN.test(fields.slug)) {
    invalid(
      `slug ${fields.slug ? `'${fields.slug}' ` : ''}must start with a lowercase letter or digit and hold only a-z, 0-9, '.', '_' and '-'`,
      { code: 'SLUG_INVALID', field: 'slug', value: fields.slug ?? null }
    );
  }
  if (!fields.name) invalid('name is required', { code: 'NAME_REQUIRED', field: 'name' });
  if (!fields.subject?.trim()) {
    invalid('subject is required', { code: 'SUBJECT_REQUIRED', field: 'subject' });
  }
  return {
    slug: fields.slug as string,
    name: fields.name as string,
    editor: fields.editor ?? 'html',
    subject: fields.subject as string,
    preheader: fields.preheader ?? null,
    fromAddress: fields.fromAddress ?? null,
    replyTo: fields.replyTo ?? null,
    html: fields.html ?? null,
    text: fields.text ?? null,
    design: fields.design ?? null,
    mjml: fields.mjml ?? null,
    sampleData: fields.sampleData ?? null,
  };
};

/** Rejects a subject, HTML or text that Handlebars cannot parse, naming the part and the error. */
export const checkHandlebarsSyntax = (fields: TemplateFields) => {
  for (const part of ['subject', 'html', 'text'] as const) {
    const source = fields[part];
    if (!source) continue;
    try {
      Handlebars.parse(source);
    } catch (error) {
      invalid(`${part} is not a valid Handlebars template: ${(error as Error).message}`, {
        code: 'TEMPLATE_SYNTAX',
        field: part,
      });
    }
  }
};

/** The editable fields of a stored row, for a version snapshot or a copy. */
export const pickTemplateFields = (row: Record<string, unknown>): TemplateFields =>
  Object.fromEntries(
    TEMPLATE_FIELDS.map((key) => [key, row[key] ?? null])
  ) as unknown as TemplateFields;
