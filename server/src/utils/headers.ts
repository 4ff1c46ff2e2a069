/** True when a value could end a header line early and smuggle in headers of its own. */
export const hasLineBreak = (value: string) => /[\r\n]/.test(value);

/** Collapses every run of CR/LF (and the spaces around it) into one space. */
export const foldLineBreaks = (value: string) => value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
