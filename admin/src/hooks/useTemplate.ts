import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import type { Template, TemplateFields } from '../types';
import { toApiError, type ApiErrorInfo } from '../utils/api-error';

/** One template in one locale; `isMissing` when the template has no content in that locale yet. */
export const useTemplate = (documentId: string, locale: string) => {
  const { get, put, post } = useFetchClient();
  const [template, setTemplate] = useState<Template | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<ApiErrorInfo | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setIsLoading(true);
    get<{ data: Template }>(`/mailroom/templates/${documentId}`, { params: { locale } })
      .then(({ data }) => {
        if (cancelled) return;
        setTemplate(data.data);
        setError(null);
      })
      .catch((cause) => {
        if (cancelled) return;
        setTemplate(null);
        setError(toApiError(cause));
      })
      .finally(() => !cancelled && setIsLoading(false));
    return () => {
      cancelled = true;
    };
  }, [get, documentId, locale, reloads]);

  const refetch = useCallback(() => setReloads((count) => count + 1), []);

  /** Saves the fields in this locale (creating the locale when needed); the server keeps a version. */
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

  return {
    template,
    isLoading,
    error,
    isMissing: error?.status === 404,
    refetch,
    save,
    copyFromLocale,
  };
};
