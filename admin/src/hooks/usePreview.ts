import { useCallback, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import type { EditorMode, PreviewResult, SampleData } from '../types';
import { toApiError, type ApiErrorInfo } from '../utils/api-error';

export interface PreviewRequest {
  documentId?: string;
  locale: string;
  template?: {
    subject: string;
    html: string | null;
    text: string | null;
    preheader: string | null;
    editor: EditorMode;
    mjml: string | null;
  };
  data?: SampleData;
}

/** Renders a template through the server's renderer, the same one sending uses. */
export const usePreview = () => {
  const { post } = useFetchClient();
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<ApiErrorInfo | null>(null);

  const render = useCallback(
    async (request: PreviewRequest) => {
      setIsLoading(true);
      try {
        const response = await post<{ data: PreviewResult }>('/mailroom/preview', request);
        setResult(response.data.data);
        setError(null);
        return response.data.data;
      } catch (cause) {
        setError(toApiError(cause));
        return null;
      } finally {
        setIsLoading(false);
      }
    },
    [post]
  );

  return { result, isLoading, error, render };
};
