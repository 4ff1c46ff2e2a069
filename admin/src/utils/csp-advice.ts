/**
 * The `config/middlewares.ts` entry that lets the admin load Unlayer's designer: its script and
 * iframe come from `origin`, and the images it offers from Unlayer's hosts.
 */
export const cspSnippet = (origin: string) => `// config/middlewares.ts
export default [
  'strapi::logger',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': ["'self'", 'https:'],
          'script-src': ["'self'", '${origin}'],
          'frame-src': ["'self'", '${origin}'],
          'img-src': ["'self'", 'data:', 'blob:', 'market-assets.strapi.io', '*.unlayer.com'],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  // ...the other middlewares, unchanged
];`;

/** The host (and port) a script URL loads from, as a CSP source. */
export const scriptOrigin = (scriptUrl: string) => {
  try {
    const url = new URL(scriptUrl, window.location.href);
    return url.host;
  } catch {
    return 'editor.unlayer.com';
  }
};
