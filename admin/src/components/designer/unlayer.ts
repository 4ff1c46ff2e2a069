/**
 * The part of Unlayer's editor API Mailroom uses. Typed here rather than through Unlayer's own
 * types so the contract stays small and obvious.
 */
export interface UnlayerEditor {
  loadDesign(design: object): void;
  saveDesign(callback: (design: Record<string, unknown>) => void): void;
  exportHtml(callback: (data: { design: Record<string, unknown>; html: string }) => void): void;
  registerCallback(type: string, callback: (...args: never[]) => void): void;
  setMergeTags(tags: object): void;
  addEventListener(type: string, callback: (...args: unknown[]) => void): void;
}

/** The two halves a designer save keeps: the design to edit again and the HTML to send. */
export interface DesignerContent {
  design: Record<string, unknown>;
  html: string;
}

/** Why the designer is not there: its script failed, was blocked, or never became ready. */
export type DesignerFailure = 'unreachable' | 'csp' | 'timeout';

const failedScripts = new Set<string>();

/** A script URL that failed once stays failed for this page; retrying clears it. */
export const scriptFailures = {
  has: (url: string) => failedScripts.has(url),
  add: (url: string) => failedScripts.add(url),
  clear: (url: string) => {
    failedScripts.delete(url);
    // Let react-email-editor add a fresh script tag instead of waiting on the failed one.
    document.querySelectorAll('script').forEach((script) => {
      if (script.src.includes(url)) script.remove();
    });
  },
};

/** Runs Unlayer's callback-style export as a promise of both halves. */
export const exportContent = (editor: UnlayerEditor) =>
  new Promise<DesignerContent>((resolve) =>
    editor.exportHtml(({ design, html }) => resolve({ design, html }))
  );
