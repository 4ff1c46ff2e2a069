import { SingleSelectOption } from '@strapi/design-system';

import { useT } from '../../utils/useT';

/** The three ways to write a template, as options of a select. */
export const EditorModeOptions = () => {
  const t = useT();

  return (
    <>
      <SingleSelectOption value="designer">
        {t('editor.mode.designer', 'Designer (drag and drop)')}
      </SingleSelectOption>
      <SingleSelectOption value="mjml">{t('editor.mode.mjml', 'MJML code')}</SingleSelectOption>
      <SingleSelectOption value="html">{t('editor.mode.html', 'HTML code')}</SingleSelectOption>
    </>
  );
};
