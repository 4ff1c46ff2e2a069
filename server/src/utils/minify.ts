import { minify } from 'html-minifier-terser';

const OPTIONS = {
  collapseWhitespace: true,
  conservativeCollapse: true,
  removeComments: true,
  minifyCSS: true,
  keepClosingSlash: true,
  // Outlook's conditional comments (<!--[if mso]>) are kept as they are.
  processConditionalComments: false,
};

/** Minified HTML, or the HTML as it was when the minifier cannot parse it. */
export const minifyHtml = async (html: string) => {
  try {
    return await minify(html, OPTIONS);
  } catch {
    return html;
  }
};

/**
 * Minifies a Handlebars template once per version, leaving every `{{…}}` exactly as written, so
 * that messages rendered from it need no minifying of their own.
 */
export const minifyTemplateHtml = async (html: string) => {
  try {
    return await minify(html, { ...OPTIONS, ignoreCustomFragments: [/\{\{[\s\S]*?\}\}/] });
  } catch {
    return html;
  }
};
