import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import type { Template, Version, VersionSummary } from '../types';
import { toApiError, type ApiErrorInfo } from '../utils/api-error';

/** The saved versions of one template locale, newest first, with preview and restore. */
export const useVersions = (documentId: string, locale: string, refreshKey: unknown) => {
  const { get, post } = useFetchClient();
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<ApiErrorInfo | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setIsLoading(true);
    get<{ data: VersionSummary[] }>(`/mailroom/templates/${documentId}/versions`, {
      params: { locale },
    })
      .then(({ data }) => {
        if (cancelled) return;
        setVersions(data.data);
        setError(null);
      })
      .catch((cause) => !cancelled && setError(toApiError(cause)))
      .finally(() => !cancelled && setIsLoading(false));
    return () => {
      cancelled = true;
    };
  }, [get, documentId, locale, reloads, refreshKey]);

  const refetch = useCallback(() => setReloads((count) => count + 1), []);

  const getVersion = useCallback(
    async (id: VersionSummary['id']) => {
      const response = await get<{ data: Version }>(
        `/mailroom/templates/${documentId}/versions/${id}`
      );
      return response.data.data;
    },
    [get, documentId]
  );

  /** Makes version `id` the current content; the server saves that as a new version. */
  const restore = useCallback(
    async (id: VersionSummary['id']) => {
      const response = await post<{ data: Template }>(
        `/mailroom/templates/${documentId}/versions/${id}/restore`
      );
      refetch();
      return response.data.data;
    },
    [post, documentId, refetch]
  );

  return { versions, isLoading, error, refetch, getVersion, restore };
};
