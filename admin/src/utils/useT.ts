import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import { getTranslation } from './getTranslation';

type Values = Record<string, string | number | boolean | null | undefined | Date>;

/**
 * `t('templates.title', 'Email templates')`: react-intl's formatMessage with the plugin's key
 * prefix, so every string keeps its English default next to where it is shown.
 */
export const useT = () => {
  const { formatMessage } = useIntl();

  return useCallback(
    (id: string, defaultMessage: string, values?: Values) =>
      formatMessage({ id: getTranslation(id), defaultMessage }, values),
    [formatMessage]
  );
};
