import { ACTIONS, requires, type Action } from './permissions';

const route = (method: string, path: string, handler: string, action: Action) => ({
  method,
  path,
  handler,
  config: { policies: requires(action) },
});

/**
 * The designer's admin API, under /mailroom. `export` and `import` come before
 * `/templates/:documentId` so that they are not read as document ids.
 */
export default () => ({
  type: 'admin',
  routes: [
    route('GET', '/templates', 'templates.find', ACTIONS.read),
    route('POST', '/templates', 'templates.create', ACTIONS.design),
    route('GET', '/templates/export', 'template-transfer.export', ACTIONS.read),
    route('POST', '/templates/import', 'template-transfer.import', ACTIONS.design),
    route('GET', '/templates/:documentId', 'templates.findOne', ACTIONS.read),
    route('PUT', '/templates/:documentId', 'templates.update', ACTIONS.design),
    route('DELETE', '/templates/:documentId', 'templates.delete', ACTIONS.delete),
    route('POST', '/templates/:documentId/duplicate', 'templates.duplicate', ACTIONS.design),
    route('POST', '/templates/:documentId/copy-locale', 'templates.copyLocale', ACTIONS.design),
    route('GET', '/templates/:documentId/versions', 'template-versions.find', ACTIONS.read),
    route('GET', '/templates/:documentId/versions/:id', 'template-versions.findOne', ACTIONS.read),
    route(
      'POST',
      '/templates/:documentId/versions/:id/restore',
      'template-versions.restore',
      ACTIONS.design
    ),
    route('POST', '/preview', 'preview.render', ACTIONS.read),
    route('POST', '/test-send', 'test-send.send', ACTIONS.sendTest),
    route('GET', '/editor-config', 'editor-config.find', ACTIONS.read),
    route('POST', '/uploads', 'uploads.create', ACTIONS.design),
  ],
});
