import { EmptyStateLayout } from '@strapi/design-system';

import { useT } from '../../utils/useT';

/** Shown for a template id that matches no template, e.g. one deleted since the link was made. */
export const TemplateNotFound = () => {
  const t = useT();

  return (
    <EmptyStateLayout
      content={t(
        'editor.notFound',
        'This template does not exist. It may have been deleted; go back to the list of templates.'
      )}
    />
  );
};
