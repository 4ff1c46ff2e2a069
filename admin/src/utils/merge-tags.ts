import type { SampleData } from '../types';

/** One entry of Unlayer's `mergeTags` option: a value to insert, or a group of further tags. */
export interface MergeTag {
  name: string;
  value?: string;
  sample?: string;
  mergeTags?: Record<string, MergeTag>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `first_name` and `firstName` read as "First name" in the designer's menu. */
const humanize = (key: string) => {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * Builds Unlayer merge tags from a template's sample data: every leaf becomes a tag inserting
 * `{{path.to.leaf}}` (the Handlebars the server renders), nested objects become groups.
 */
export const buildMergeTags = (
  data: SampleData | null | undefined,
  prefix = ''
): Record<string, MergeTag> => {
  if (!isPlainObject(data)) return {};
  const tags: Record<string, MergeTag> = {};
  for (const [key, value] of Object.entries(data)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value)) {
      tags[key] = { name: humanize(key), mergeTags: buildMergeTags(value, path) };
    } else {
      tags[key] = {
        name: humanize(key),
        value: `{{${path}}}`,
        sample: value === null || value === undefined ? '' : String(value),
      };
    }
  }
  return tags;
};
