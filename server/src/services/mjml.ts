import mjml2html from 'mjml';
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

export interface MjmlProblem {
  line: number;
  message: string;
  tagName: string;
}

/** The position mjml's XML parser gives in "Parsing failed" errors, when it gives one. */
const PARSE_LINE = /line[:\s]+(\d+)/i;

const invalid = (problems: MjmlProblem[]) =>
  new errors.ValidationError(
    `the MJML has ${problems.length} error(s); first, line ${problems[0].line}: ${problems[0].message}`,
    { code: 'MJML_INVALID', errors: problems }
  );

/**
 * Compiles MJML to email HTML on the server, so that what is stored and sent never depends on the
 * browser that saved it. Validation is strict: a template with MJML errors is not saved.
 */
const mjml = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Returns the HTML for `source`.
   *
   * @throws ValidationError with `details.code` 'MJML_INVALID' and `details.errors`
   *   `[{ line, message, tagName }]`
   */
  async compile(source: string, { template }: { template?: string } = {}): Promise<string> {
    if (!source.trim()) {
      throw invalid([{ line: 1, message: 'the MJML is empty', tagName: 'mjml' }]);
    }
    let result: Awaited<ReturnType<typeof mjml2html>>;
    try {
      // 'soft' returns every problem at once, where 'strict' stops at the first. Includes are
      // ignored whatever mjml's default: an <mj-include> would read files from the server's disk,
      // and a reader of templates may preview MJML.
      result = await mjml2html(source, {
        validationLevel: 'soft',
        keepComments: false,
        ignoreIncludes: true,
      });
    } catch (error) {
      const message = (error as Error).message;
      const line = Number(message.match(PARSE_LINE)?.[1] ?? 1);
      throw invalid([{ line, message, tagName: 'mjml' }]);
    }
    if (result.errors.length > 0) {
      strapi.log.debug(
        `[mailroom] template '${template ?? '(unsaved)'}': MJML has ${result.errors.length} error(s)`
      );
      throw invalid(
        result.errors.map((problem) => ({
          line: problem.line,
          message: problem.message,
          tagName: problem.tagName,
        }))
      );
    }
    return result.html;
  },
});

export type MjmlService = ReturnType<typeof mjml>;
export default mjml;
