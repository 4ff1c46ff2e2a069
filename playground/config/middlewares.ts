import type { Core } from '@strapi/strapi';

/**
 * Mailroom's designer loads Unlayer's script and iframe from editor.unlayer.com and shows images
 * from Unlayer's hosts. MAILROOM_EDITOR_ORIGIN adds another origin (comma-separated), such as the
 * local stand-in the browser tests serve.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  const editorOrigins = ['editor.unlayer.com', ...env.array('MAILROOM_EDITOR_ORIGIN', [])];

  return [
    'strapi::logger',
    'strapi::errors',
    {
      name: 'strapi::security',
      config: {
        contentSecurityPolicy: {
          useDefaults: true,
          directives: {
            'connect-src': ["'self'", 'https:'],
            'script-src': ["'self'", ...editorOrigins],
            'frame-src': ["'self'", ...editorOrigins],
            'img-src': [
              "'self'",
              'data:',
              'blob:',
              'market-assets.strapi.io',
              '*.unlayer.com',
              ...editorOrigins,
            ],
            upgradeInsecureRequests: null,
          },
        },
      },
    },
    'strapi::cors',
    'strapi::poweredBy',
    'strapi::query',
    'strapi::body',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};

export default config;
