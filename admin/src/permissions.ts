/**
 * The admin actions Mailroom registers, grouped the way the pages use them. The menu link, the
 * routes, `Page.Protect` and `useRBAC` all read this map, so a button shows only when the server
 * would accept what it does.
 */
export const PERMISSIONS = {
  read: [{ action: 'plugin::mailroom.templates.read', subject: null }],
  design: [{ action: 'plugin::mailroom.templates.design', subject: null }],
  sendTest: [{ action: 'plugin::mailroom.templates.send-test', subject: null }],
  delete: [{ action: 'plugin::mailroom.templates.delete', subject: null }],
};

/**
 * Every action at once, in the array form `useRBAC` expects; a constant so its identity is
 * stable.
 */
export const ALL_PERMISSIONS = [
  ...PERMISSIONS.read,
  ...PERMISSIONS.design,
  ...PERMISSIONS.sendTest,
  ...PERMISSIONS.delete,
];
