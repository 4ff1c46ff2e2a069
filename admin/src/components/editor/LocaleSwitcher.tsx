import { useState } from 'react';
import { SingleSelect, SingleSelectOption } from '@strapi/design-system';

import type { Locale } from '../../types';
import { useT } from '../../utils/useT';
import { ConfirmationDialog } from '../ConfirmationDialog';

interface LocaleSwitcherProps {
  locale: string;
  locales: Locale[];
  /** Locales the template already has content in. */
  existing: string[];
  /** Switching reloads the editor, so unsaved edits would be lost: ask first. */
  hasUnsavedChanges: boolean;
  onChange: (locale: string) => void;
}

/** Moves the editor to another locale of the same template. */
export const LocaleSwitcher = ({
  locale,
  locales,
  existing,
  hasUnsavedChanges,
  onChange,
}: LocaleSwitcherProps) => {
  const t = useT();
  const [pending, setPending] = useState<string | null>(null);
  const pendingName = locales.find((option) => option.code === pending)?.name ?? pending;

  const choose = (code: string) => {
    if (code === locale) return;
    if (hasUnsavedChanges) setPending(code);
    else onChange(code);
  };

  return (
    <>
      <SingleSelect
        aria-label={t('editor.locale', 'Locale')}
        size="S"
        value={locale}
        onChange={(next: string | number) => choose(String(next))}
      >
        {locales.map((option) => (
          <SingleSelectOption key={option.code} value={option.code}>
            {existing.includes(option.code)
              ? option.name
              : t('editor.locale.missing', '{name} (not written yet)', { name: option.name })}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <ConfirmationDialog
        open={pending !== null}
        title={t('editor.localeSwitch.title', 'Switch to {name} without saving?', {
          name: pendingName,
        })}
        confirmLabel={t('editor.localeSwitch.confirm', 'Discard changes and switch')}
        onClose={() => setPending(null)}
        onConfirm={() => {
          if (pending) onChange(pending);
          setPending(null);
        }}
      >
        {t(
          'editor.localeSwitch.body',
          'This locale has unsaved changes. They are lost if you switch; cancel and save to keep them.'
        )}
      </ConfirmationDialog>
    </>
  );
};
