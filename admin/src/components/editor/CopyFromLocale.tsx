import { useState } from 'react';
import { MenuItem, SimpleMenu } from '@strapi/design-system';

import type { Locale } from '../../types';
import { useT } from '../../utils/useT';
import { ConfirmationDialog } from '../ConfirmationDialog';

interface CopyFromLocaleProps {
  locale: string;
  /** Locales to offer as the source. */
  sources: Locale[];
  onCopy: (from: string) => void;
}

/** Replaces this locale's content with another locale's, to translate from a finished version. */
export const CopyFromLocale = ({ locale, sources, onCopy }: CopyFromLocaleProps) => {
  const t = useT();
  const [from, setFrom] = useState<Locale | null>(null);
  const others = sources.filter((source) => source.code !== locale);

  if (others.length === 0) return null;

  return (
    <>
      <SimpleMenu label={t('editor.copyLocale', 'Copy from locale')} variant="tertiary" size="S">
        {others.map((source) => (
          <MenuItem key={source.code} onSelect={() => setFrom(source)}>
            {source.name}
          </MenuItem>
        ))}
      </SimpleMenu>
      <ConfirmationDialog
        open={from !== null}
        title={t('editor.copyLocale.title', 'Copy the content of {name}?', { name: from?.name })}
        confirmLabel={t('editor.copyLocale.confirm', 'Copy')}
        variant="default"
        onClose={() => setFrom(null)}
        onConfirm={() => {
          if (from) onCopy(from.code);
          setFrom(null);
        }}
      >
        {t(
          'editor.copyLocale.body',
          'Subject, content and sample data of this locale are replaced by those of {name}. The current content stays in the history.',
          { name: from?.name }
        )}
      </ConfirmationDialog>
    </>
  );
};
