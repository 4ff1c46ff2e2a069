import { useEffect, useState } from 'react';
import { Flex, Searchbar, SingleSelect, SingleSelectOption } from '@strapi/design-system';

import type { Locale } from '../../types';
import { useT } from '../../utils/useT';

interface TemplateFiltersBarProps {
  q: string;
  locale: string;
  locales: Locale[];
  onSearch: (q: string) => void;
  onLocaleChange: (locale: string) => void;
}

const ALL_LOCALES = 'all';

/** Search by name, slug or subject, and narrow the list to one locale. */
export const TemplateFiltersBar = ({
  q,
  locale,
  locales,
  onSearch,
  onLocaleChange,
}: TemplateFiltersBarProps) => {
  const t = useT();
  const [value, setValue] = useState(q);

  // Search once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => onSearch(value.trim()), 300);
    return () => clearTimeout(timer);
  }, [value, onSearch]);

  return (
    <Flex gap={2}>
      <Searchbar
        name="q"
        value={value}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => setValue(event.target.value)}
        onClear={() => setValue('')}
        clearLabel={t('templates.search.clear', 'Clear the search')}
        placeholder={t('templates.search.placeholder', 'Search templates')}
      >
        {t('templates.search.label', 'Search templates')}
      </Searchbar>
      <SingleSelect
        aria-label={t('templates.filter.locale', 'Locale')}
        value={locale || ALL_LOCALES}
        onChange={(next: string | number) =>
          onLocaleChange(next === ALL_LOCALES ? '' : String(next))
        }
        size="S"
      >
        <SingleSelectOption value={ALL_LOCALES}>
          {t('templates.filter.allLocales', 'All locales')}
        </SingleSelectOption>
        {locales.map((option) => (
          <SingleSelectOption key={option.code} value={option.code}>
            {option.name}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Flex>
  );
};
