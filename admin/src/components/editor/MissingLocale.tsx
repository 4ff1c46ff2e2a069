import { useState } from 'react';
import { Button, EmptyStateLayout, Flex } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';

import type { Locale } from '../../types';
import { toApiError } from '../../utils/api-error';
import { useT } from '../../utils/useT';

interface MissingLocaleProps {
  locale: Locale | undefined;
  /** Locales the template has content in, to start this one from. */
  sources: Locale[];
  canDesign: boolean;
  onCopy: (from: string) => Promise<unknown>;
}

/** Shown for a locale the template has no content in yet: start it from another locale. */
export const MissingLocale = ({ locale, sources, canDesign, onCopy }: MissingLocaleProps) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const [copying, setCopying] = useState<string | null>(null);

  const copy = async (from: string) => {
    setCopying(from);
    try {
      await onCopy(from);
    } catch (error) {
      const info = toApiError(error);
      toggleNotification({
        type: 'danger',
        message: info.code ? `${info.code}: ${info.message}` : info.message,
      });
    } finally {
      setCopying(null);
    }
  };

  return (
    <EmptyStateLayout
      content={t('editor.missingLocale', 'This template has no {name} version yet.', {
        name: locale?.name ?? '',
      })}
      action={
        canDesign ? (
          <Flex gap={2} wrap="wrap" justifyContent="center">
            {sources.map((source) => (
              <Button
                key={source.code}
                variant="secondary"
                startIcon={<Duplicate />}
                loading={copying === source.code}
                disabled={copying !== null && copying !== source.code}
                onClick={() => void copy(source.code)}
              >
                {t('editor.missingLocale.copy', 'Start from {name}', { name: source.name })}
              </Button>
            ))}
          </Flex>
        ) : undefined
      }
    />
  );
};
