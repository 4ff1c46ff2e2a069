import type { Core } from '@strapi/strapi';

/**
 * Declares the designer's RBAC actions. This runs in `register` rather than `bootstrap` so that
 * the actions exist before the admin's bootstrap gives them to the super admin role and removes
 * stored permissions whose action is unknown.
 */
const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  const action = (uid: string, displayName: string) => ({
    section: 'plugins',
    pluginName: 'mailroom',
    subCategory: 'templates',
    uid,
    displayName,
  });

  await strapi
    .service('admin::permission')
    .actionProvider.registerMany([
      action('templates.read', 'Read templates, previews, versions and exports'),
      action('templates.design', 'Create, edit, import and restore templates; upload images'),
      action('templates.send-test', 'Send a test message'),
      action('templates.delete', 'Delete templates'),
    ]);
};

export default register;
