import { SingleSelect, SingleSelectOption } from '@strapi/design-system';

import type { Locale } from '../../types';
import { useT } from '../../utils/useT';

interface LocaleSwitcherProps {
  locale: string;
  locales: Locale[];
  /** Locales the template already has content in. */
  existing: string[];
  onChange: (locale: string) => void;
}

/** Moves the editor to another locale of the same template. */
export const LocaleSwitcher = ({ locale, locales, existing, onChange }: LocaleSwitcherProps) => {
  const t = useT();

  return (
    <SingleSelect
      aria-label={t('editor.locale', 'Locale')}
      size="S"
      value={locale}
      onChange={(next: string | number) => onChange(String(next))}
    >
      {locales.map((option) => (
        <SingleSelectOption key={option.code} value={option.code}>
          {existing.includes(option.code)
            ? option.name
            : t('editor.locale.missing', '{name} (not written yet)', { name: option.name })}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
};
