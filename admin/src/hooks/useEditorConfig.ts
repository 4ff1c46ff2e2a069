import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import type { EditorConfig } from '../types';
import { toApiError, type ApiErrorInfo } from '../utils/api-error';

/**
 * Where the designer's script comes from and the options it starts with (plugin config
 * `editor`).
 */
export const useEditorConfig = () => {
  const { get } = useFetchClient();
  const [config, setConfig] = useState<EditorConfig | null>(null);
  const [error, setError] = useState<ApiErrorInfo | null>(null);

  useEffect(() => {
    let cancelled = false;
    get<{ data: EditorConfig }>('/mailroom/editor-config')
      .then(({ data }) => !cancelled && setConfig(data.data))
      .catch((cause) => !cancelled && setError(toApiError(cause)));
    return () => {
      cancelled = true;
    };
  }, [get]);

  return { config, error, isLoading: !config && !error };
};
