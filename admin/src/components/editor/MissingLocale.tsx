import { Button, EmptyStateLayout, Flex } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';

import type { Locale } from '../../types';
import { useT } from '../../utils/useT';

interface MissingLocaleProps {
  locale: Locale | undefined;
  sources: Locale[];
  canDesign: boolean;
  onCopy: (from: string) => void;
}

/** Shown for a locale the template has no content in yet: start it from another locale. */
export const MissingLocale = ({ locale, sources, canDesign, onCopy }: MissingLocaleProps) => {
  const t = useT();

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
                onClick={() => onCopy(source.code)}
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
