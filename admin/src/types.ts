/** The shapes the Mailroom admin routes answer with. */

export type EditorMode = 'designer' | 'mjml' | 'html';

export type SampleData = Record<string, unknown>;

export interface Template {
  documentId: string;
  locale: string;
  slug: string;
  name: string;
  editor: EditorMode;
  subject: string;
  preheader: string | null;
  fromAddress: string | null;
  replyTo: string | null;
  html: string | null;
  /** An empty text means the plain-text part is generated from the HTML. */
  text: string | null;
  design: Record<string, unknown> | null;
  mjml: string | null;
  sampleData: SampleData | null;
  updatedAt: string;
  /** The locales this template exists in. */
  locales: string[];
}

export type TemplateSummary = Pick<
  Template,
  'documentId' | 'slug' | 'name' | 'locale' | 'editor' | 'subject' | 'updatedAt' | 'locales'
>;

/** The fields an editor changes and sends back with a save. */
export type TemplateFields = Pick<
  Template,
  | 'slug'
  | 'name'
  | 'editor'
  | 'subject'
  | 'preheader'
  | 'fromAddress'
  | 'replyTo'
  | 'html'
  | 'text'
  | 'design'
  | 'mjml'
  | 'sampleData'
>;

export interface VersionSummary {
  id: number | string;
  createdAt: string;
  createdByName: string | null;
  subject: string | null;
  editor: EditorMode | null;
}

export interface Version extends VersionSummary {
  locale: string;
  templateDocumentId: string;
  snapshot: Partial<TemplateFields>;
}

export type WarningCode =
  | 'MISSING_VARIABLE'
  | 'HTML_TOO_LARGE'
  | 'IMAGE_WITHOUT_ALT'
  | 'BASE64_IMAGE';

export interface PreviewWarning {
  code: WarningCode | string;
  message: string;
  detail?: unknown;
}

export interface PreviewResult {
  subject: string;
  html: string;
  text: string;
  warnings: PreviewWarning[];
}

export interface TestSendResult {
  id: string;
  status: string;
  relay?: string | null;
  response?: string | null;
  error?: { code: string; message: string } | null;
}

export interface EditorConfig {
  scriptUrl: string;
  options: Record<string, unknown>;
  /** How long the designer may take to start before the page offers code mode, in ms. */
  loadTimeout?: number;
}

export interface Locale {
  id: number;
  code: string;
  name: string;
  isDefault: boolean;
}

export interface ExportFile {
  format: 'mailroom-templates';
  version: number;
  exportedAt: string;
  templates: { slug: string; name: string; locales: Record<string, Partial<TemplateFields>> }[];
}

export interface MjmlError {
  line: number;
  message: string;
  tagName?: string;
}
