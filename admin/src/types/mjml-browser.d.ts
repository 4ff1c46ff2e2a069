/** mjml-browser 4.x: a UMD bundle whose export is the synchronous `mjml2html`. */
declare module 'mjml-browser' {
  interface MjmlError {
    line: number;
    message: string;
    tagName: string;
    formattedMessage: string;
  }
  interface MjmlResult {
    html: string;
    errors: MjmlError[];
  }
  const mjml2html: (
    mjml: string,
    options?: { validationLevel?: 'strict' | 'soft' | 'skip'; minify?: boolean; beautify?: boolean }
  ) => MjmlResult;
  export default mjml2html;
}
