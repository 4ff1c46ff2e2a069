/** The RBAC actions that guard the designer's routes, as registered in `register.ts`. */
export const ACTIONS = {
  read: 'plugin::mailroom.templates.read',
  design: 'plugin::mailroom.templates.design',
  sendTest: 'plugin::mailroom.templates.send-test',
  delete: 'plugin::mailroom.templates.delete',
} as const;

export type Action = (typeof ACTIONS)[keyof typeof ACTIONS];

/** The policies every admin route runs: a logged-in admin whose role holds `action`. */
export const requires = (action: Action) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [action] } },
];
