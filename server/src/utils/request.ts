import type { Context } from 'koa';

import { invalid, isPlainObject } from './template-input';

/** A query or body value that must be a string when present; '' counts as absent. */
export const optionalText = (value: unknown, field: string): string | undefined => {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    return invalid(`${field} must be a string`, { code: 'VALIDATION', field });
  }
  return value;
};

/** The JSON body of a request, which must be an object. */
export const bodyOf = (ctx: Context): Record<string, unknown> => {
  const body = (ctx.request as { body?: unknown }).body;
  if (!isPlainObject(body)) {
    return invalid('the request body must be a JSON object', { code: 'VALIDATION' });
  }
  return body;
};
