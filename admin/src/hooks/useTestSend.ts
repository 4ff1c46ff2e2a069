import { useCallback, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import type { SampleData, TestSendResult } from '../types';
import { toApiError, type ApiErrorInfo } from '../utils/api-error';

interface TestSendRequest {
  documentId: string;
  locale: string;
  to: string;
  data?: SampleData;
}

/** Sends the saved template through the real queue and relays, and reports what happened. */
export const useTestSend = () => {
  const { post } = useFetchClient();
  const [result, setResult] = useState<TestSendResult | null>(null);
  const [isSending, setIsSending] = useState(false);
  const [error, setError] = useState<ApiErrorInfo | null>(null);

  const send = useCallback(
    async (request: TestSendRequest) => {
      setIsSending(true);
      setResult(null);
      setError(null);
      try {
        const response = await post<{ data: TestSendResult }>('/mailroom/test-send', request);
        setResult(response.data.data);
      } catch (cause) {
        setError(toApiError(cause));
      } finally {
        setIsSending(false);
      }
    },
    [post]
  );

  return { result, error, isSending, send };
};
