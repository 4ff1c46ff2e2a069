import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import type { ExportFile, Template, TemplateFields, TemplateSummary } from '../types';
import { toApiError, type ApiErrorInfo } from '../utils/api-error';

interface TemplateFilters {
  q: string;
  locale: string;
}

/** The templates list with its filters, and the actions that change the list. */
export const useTemplates = ({ q, locale }: TemplateFilters) => {
  const { get, post, del } = useFetchClient();
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<ApiErrorInfo | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setIsLoading(true);
    get<{ data: TemplateSummary[] }>('/mailroom/templates', { params: { q, locale } })
      .then(({ data }) => {
        if (cancelled) return;
        setTemplates(data.data);
        setError(null);
      })
      .catch((cause) => !cancelled && setError(toApiError(cause)))
      .finally(() => !cancelled && setIsLoading(false));
    return () => {
      cancelled = true;
    };
  }, [get, q, locale, reloads]);

  const refetch = useCallback(() => setReloads((count) => count + 1), []);

  const create = useCallback(
    async (templateLocale: string, data: Partial<TemplateFields>) => {
      const response = await post<{ data: Template }>('/mailroom/templates', {
        locale: templateLocale,
        data,
      });
      refetch();
      return response.data.data;
    },
    [post, refetch]
  );

  const duplicate = useCallback(
    async (documentId: string) => {
      const response = await post<{ data: Template }>(
        `/mailroom/templates/${documentId}/duplicate`
      );
      refetch();
      return response.data.data;
    },
    [post, refetch]
  );

  /** Deletes one locale of a template, or every locale when `templateLocale` is undefined. */
  const remove = useCallback(
    async (documentId: string, templateLocale?: string) => {
      await del(`/mailroom/templates/${documentId}`, {
        params: templateLocale ? { locale: templateLocale } : undefined,
      });
      refetch();
    },
    [del, refetch]
  );

  const importFile = useCallback(
    async (file: ExportFile) => {
      const response = await post<{ data: { created: number; updated: number } }>(
        '/mailroom/templates/import',
        file
      );
      refetch();
      return response.data.data;
    },
    [post, refetch]
  );

  /** One template in all its locales, or every template when `documentId` is undefined. */
  const exportTemplates = useCallback(
    async (documentId?: string) => {
      const response = await get<{ data: ExportFile }>('/mailroom/templates/export', {
        params: documentId ? { documentId } : undefined,
      });
      return response.data.data;
    },
    [get]
  );

  return {
    templates,
    isLoading,
    error,
    refetch,
    create,
    duplicate,
    remove,
    importFile,
    exportTemplates,
  };
};
