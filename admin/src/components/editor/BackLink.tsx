import { Link } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { NavLink } from 'react-router-dom';

import { PLUGIN_ID } from '../../pluginId';
import { useT } from '../../utils/useT';

/** Back to the templates list. */
export const BackLink = () => {
  const t = useT();

  return (
    <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}`} startIcon={<ArrowLeft />}>
      {t('common.back', 'Back')}
    </Link>
  );
};
