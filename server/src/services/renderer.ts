import Handlebars from 'handlebars';
import { compile as compileConverter } from 'html-to-text';
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

import { getConfig } from '../utils/config';
import { minifyTemplateHtml } from '../utils/minify';
import { foldLineBreaks } from '../utils/headers';

/** The parts of a stored template that the renderer reads. */
export interface RenderSource {
  /** Identifies one version of one template in one locale; a new key means a new compile. */
  cacheKey: string;
  slug: string;
  subject: string;
  html: string;
  text?: string | null;
  preheader?: string | null;
}

export interface Rendered {
  subject: string;
  html: string;
  text: string;
}

type Compiled = Handlebars.TemplateDelegate;

type Part = 'subject' | 'html' | 'text';

interface CompiledTemplate {
  /** True when the HTML was minified before compiling (see `prepare`). */
  minified: boolean;
  sources: Record<Part, string>;
  strict: Record<Part, Compiled | undefined>;
  lenient: Record<Part, Compiled | undefined>;
}

const MAX_CACHED = 500;
const MISSING = /^"([^"]+)" not defined in .*? - (\d+):(\d+)/s;

/**
 * Handlebars names only the last segment of a missing path ("name" for `user.name`); the
 * position it reports lets us read the whole path back from the source.
 */
const missingPath = (message: string, source: string): string | undefined => {
  const match = message.match(MISSING);
  if (!match) return undefined;
  const line = source.split('\n')[Number(match[2]) - 1] ?? '';
  const path = line.slice(Number(match[3])).match(/^[\w@.\/-]+/)?.[0];
  return path && path.endsWith(match[1]) ? path : match[1];
};

/**
 * Plain text from HTML, as mail clients show it: links kept, images dropped. The converter is
 * built once; building it (its selectors) costs more than converting one message.
 */
export const htmlToText = compileConverter({
  wordwrap: 78,
  selectors: [
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
      selector,
      options: { uppercase: false },
    })),
    // The hidden preheader is for inbox previews only.
    { selector: '[aria-hidden=true]', format: 'skip' },
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    { selector: 'head', format: 'skip' },
  ],
});

const preheaderBlock = (preheader: string) =>
  `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all" aria-hidden="true">${Handlebars.Utils.escapeExpression(
    preheader
  )}</div>`;

/** Puts the preheader first in the body, where inbox previews read it. */
const withPreheader = (html: string, preheader?: string | null) => {
  if (!preheader) return html;
  const block = preheaderBlock(preheader);
  const body = html.match(/<body[^>]*>/i);
  if (!body || body.index === undefined) return block + html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + block + html.slice(at);
};

/**
 * Renders templates with Handlebars. Each template version is compiled once, twice over: a strict
 * build that throws on a missing variable, and a lenient one that renders it empty. Variables are
 * HTML-escaped in the HTML part only; the subject is folded onto one line.
 */
const renderer = ({ strapi }: { strapi: Core.Strapi }) => {
  const handlebars = Handlebars.create();
  const cache = new Map<string, CompiledTemplate>();
  const reportedMissing = new Set<string>();

  const compileAll = (sources: Record<Part, string>, strict: boolean) => {
    const options = { strict };
    const plain = { strict, noEscape: true };
    return {
      subject: handlebars.compile(sources.subject, plain),
      html: handlebars.compile(sources.html, options),
      text: sources.text ? handlebars.compile(sources.text, plain) : undefined,
    };
  };

  const compile = (source: RenderSource, minifiedHtml?: string): CompiledTemplate => {
    const cached = cache.get(source.cacheKey);
    if (cached && (cached.minified || minifiedHtml === undefined)) return cached;
    let compiled: CompiledTemplate;
    try {
      const sources = {
        subject: source.subject ?? '',
        html: withPreheader(minifiedHtml ?? source.html ?? '', source.preheader),
        text: source.text ?? '',
      };
      compiled = {
        minified: minifiedHtml !== undefined,
        sources,
        strict: compileAll(sources, true),
        lenient: compileAll(sources, false),
      };
      // Handlebars compiles lazily; run once so syntax errors surface here, not mid-send.
      compiled.lenient.subject({});
      compiled.lenient.html({});
      compiled.lenient.text?.({});
    } catch (error) {
      throw new errors.ValidationError(
        `template '${source.slug}' does not compile: ${(error as Error).message}`,
        { code: 'TEMPLATE_SYNTAX', template: source.slug }
      );
    }
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(source.cacheKey, compiled);
    return compiled;
  };

  const run = (
    source: RenderSource,
    part: Part,
    data: Record<string, unknown>,
    strictMode: boolean
  ): string => {
    const compiled = compile(source);
    const strictFn = compiled.strict[part];
    const lenientFn = compiled.lenient[part];
    if (!strictFn || !lenientFn) return '';
    try {
      return strictFn(data);
    } catch (error) {
      const missing = missingPath((error as Error).message, compiled.sources[part]);
      if (!missing) {
        throw new errors.ValidationError(
          `template '${source.slug}' failed to render its ${part}: ${(error as Error).message}`,
          { code: 'TEMPLATE_RENDER', template: source.slug, part }
        );
      }
      if (strictMode) {
        throw new errors.ValidationError(
          `template '${source.slug}': variable '${missing}' is missing from data (used in ${part})`,
          { code: 'MISSING_VARIABLE', template: source.slug, variable: missing, part }
        );
      }
      const key = `${source.cacheKey}:${part}:${missing}`;
      if (!reportedMissing.has(key)) {
        reportedMissing.add(key);
        strapi.log.warn(
          `[mailroom] template '${source.slug}': variable '${missing}' is missing from data; rendered empty in ${part}`
        );
      }
      return lenientFn(data);
    }
  };

  return {
    /**
     * Compiles a template version with its HTML minified, once; renders of that version then
     * produce minified HTML with no work per message. `render` alone compiles it unminified.
     */
    async prepare(source: RenderSource) {
      if (cache.get(source.cacheKey)?.minified) return;
      compile(source, await minifyTemplateHtml(source.html ?? ''));
    },

    /**
     * Renders subject, HTML and text. With `generateText: false` and no text template, `text` is
     * left empty so that the worker can derive it off the request path.
     */
    render(
      source: RenderSource,
      data: Record<string, unknown>,
      { generateText = true, strict }: { generateText?: boolean; strict?: boolean } = {}
    ): Rendered {
      const strictMode = strict ?? getConfig(strapi).render.strict;
      const subject = foldLineBreaks(run(source, 'subject', data, strictMode));
      const html = run(source, 'html', data, strictMode);
      let text = source.text ? run(source, 'text', data, strictMode) : '';
      if (!text && generateText) text = htmlToText(html);
      return { subject, html, text };
    },

    /** Forgets compiled versions; the next render compiles again. */
    clear() {
      cache.clear();
      reportedMissing.clear();
    },
  };
};

export type RendererService = ReturnType<typeof renderer>;
export default renderer;
