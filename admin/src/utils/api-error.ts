import { isFetchError } from '@strapi/strapi/admin';

/** What the page shows of a failed request: the server's message and its `details.code`. */
export interface ApiErrorInfo {
  status?: number;
  code?: string;
  message: string;
  details: Record<string, unknown>;
}

/**
 * Reads a Strapi error answer (`{ error: { status, message, details } }`) out of a thrown fetch
 * error.
 */
export const toApiError = (error: unknown): ApiErrorInfo => {
  if (isFetchError(error)) {
    const body = error.response?.data?.error;
    const details = (body?.details ?? {}) as Record<string, unknown>;
    return {
      status: body?.status ?? error.status,
      code: typeof details.code === 'string' ? details.code : undefined,
      message: body?.message ?? error.message,
      details,
    };
  }
  return { message: error instanceof Error ? error.message : String(error), details: {} };
};
