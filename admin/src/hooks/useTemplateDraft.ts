import { useCallback, useEffect, useMemo, useState } from 'react';

import type { Template, TemplateFields } from '../types';

const FIELDS: (keyof TemplateFields)[] = [
  'slug',
  'name',
  'editor',
  'subject',
  'preheader',
  'fromAddress',
  'replyTo',
  'html',
  'text',
  'design',
  'mjml',
  'sampleData',
];

const pickFields = (template: Template): TemplateFields => {
  const fields = {} as Record<keyof TemplateFields, unknown>;
  for (const key of FIELDS) fields[key] = template[key] ?? null;
  return fields as TemplateFields;
};

/** The unsaved edits of one template locale, reset whenever the server sends a new state. */
export const useTemplateDraft = (template: Template | null) => {
  const [draft, setDraft] = useState<TemplateFields | null>(() =>
    template ? pickFields(template) : null
  );

  useEffect(() => {
    setDraft(template ? pickFields(template) : null);
  }, [template]);

  const setField = useCallback(
    <K extends keyof TemplateFields>(key: K, value: TemplateFields[K]) =>
      setDraft((current) => (current ? { ...current, [key]: value } : current)),
    []
  );

  const setFields = useCallback(
    (values: Partial<TemplateFields>) =>
      setDraft((current) => (current ? { ...current, ...values } : current)),
    []
  );

  const isDirty = useMemo(
    () =>
      Boolean(template && draft) &&
      JSON.stringify(draft) !== JSON.stringify(pickFields(template as Template)),
    [template, draft]
  );

  return { draft, setField, setFields, isDirty };
};
