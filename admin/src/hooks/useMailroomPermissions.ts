import { useRBAC } from '@strapi/strapi/admin';

import { ALL_PERMISSIONS } from '../permissions';

/**
 * What the signed-in admin may do with templates: `canRead`, `canDesign`, `canSendTest`,
 * `canDelete`.
 */
export const useMailroomPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(ALL_PERMISSIONS);

  return {
    isLoading,
    canRead: Boolean(allowedActions.canRead),
    canDesign: Boolean(allowedActions.canDesign),
    canSendTest: Boolean(allowedActions.canSendTest),
    canDelete: Boolean(allowedActions.canDelete),
  };
};
