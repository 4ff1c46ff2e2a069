import { useCallback } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/** Puts an image from the designer into Strapi's media library and returns its URL. */
export const useImageUpload = () => {
  const { post } = useFetchClient();

  return useCallback(
    async (file: File) => {
      const body = new FormData();
      body.append('files', file);
      const response = await post<{ data: { url: string } }>('/mailroom/uploads', body);
      return response.data.data.url;
    },
    [post]
  );
};
