import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import type { Template, TemplateFields, TemplateSummary } from '../types';
import { toApiError, type ApiErrorInfo } from '../utils/api-error';

/**
 * One template in one locale. `isMissing` when the template exists but has no content in that
 * locale yet (`existingLocales` then lists those it has); `isNotFound` when there is no such
 * template at all.
 */
export const useTemplate = (documentId: string, locale: string) => {
  const { get, put, post } = useFetchClient();
  const [template, setTemplate] = useState<Template | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<ApiErrorInfo | null>(null);
  const [existingLocales, setExistingLocales] = useState<string[]>([]);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setIsLoading(true);

    /**
     * The locales the template has, from the list, or none when it is not listed. A 404 for one
     * locale does not say whether the template exists in another.
     */
    const localesOfTemplate = async () => {
      const { data } = await get<{ data: TemplateSummary[] }>('/mailroom/templates');
      return data.data.find((summary) => summary.documentId === documentId)?.locales ?? [];
    };

    get<{ data: Template }>(`/mailroom/templates/${documentId}`, { params: { locale } })
      .then(({ data }) => {
        if (cancelled) return;
        setTemplate(data.data);
        setError(null);
      })
      .catch(async (cause) => {
        let info = toApiError(cause);
        let locales: string[] = [];
        if (info.status === 404 && info.details.locale) {
          try {
            locales = await localesOfTemplate();
          } catch (listError) {
            info = toApiError(listError);
          }
        }
        if (cancelled) return;
        setTemplate(null);
        setError(info);
        setExistingLocales(locales);
      })
      .finally(() => !cancelled && setIsLoading(false));
    return () => {
      cancelled = true;
    };
  }, [get, documentId, locale, reloads]);

  const refetch = useCallback(() => setReloads((count) => count + 1), []);

  /**
   * Saves the fields in this locale (creating the locale when needed); the server keeps a
   * version.
   */
  const save = useCallback(
    async (fields: Partial<TemplateFields>) => {
      const response = await put<{ data: Template }>(
        `/mailroom/templates/${documentId}`,
        { data: fields },
        { params: { locale } }
      );
      setTemplate(response.data.data);
      setError(null);
      return response.data.data;
    },
    [put, documentId, locale]
  );

  /** Replaces this locale's content with a copy of locale `from`. */
  const copyFromLocale = useCallback(
    async (from: string) => {
      const response = await post<{ data: Template }>(
        `/mailroom/templates/${documentId}/copy-locale`,
        { from, to: locale }
      );
      setTemplate(response.data.data);
      setError(null);
      return response.data.data;
    },
    [post, documentId, locale]
  );

  const isMissing = error?.status === 404 && existingLocales.length > 0;

  return {
    template,
    isLoading,
    error,
    isMissing,
    isNotFound: error?.status === 404 && !isMissing,
    existingLocales,
    refetch,
    save,
    copyFromLocale,
  };
};
