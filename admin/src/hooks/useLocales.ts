import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import type { Locale } from '../types';

/** The locales configured in Strapi's i18n plugin, the default one first. */
export const useLocales = () => {
  const { get } = useFetchClient();
  const [locales, setLocales] = useState<Locale[]>([]);
  const [isLoading, setIsLoading] = useState(true);

  useEffect(() => {
    let cancelled = false;
    get<Locale[]>('/i18n/locales')
      .then(({ data }) => {
        if (cancelled) return;
        setLocales([...data].sort((a, b) => Number(b.isDefault) - Number(a.isDefault)));
      })
      // Without i18n's list the pages still work in the locales templates already have.
      .catch(() => !cancelled && setLocales([]))
      .finally(() => !cancelled && setIsLoading(false));
    return () => {
      cancelled = true;
    };
  }, [get]);

  return { locales, isLoading };
};
