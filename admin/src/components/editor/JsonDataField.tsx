import { useEffect, useState } from 'react';
import { Field, Textarea } from '@strapi/design-system';

import type { SampleData } from '../../types';
import { useT } from '../../utils/useT';

interface JsonDataFieldProps {
  name: string;
  label: string;
  hint: string;
  value: SampleData | null;
  readOnly?: boolean;
  /** Called with each edit that parses as a JSON object. */
  onChange: (value: SampleData | null) => void;
}

const format = (value: SampleData | null) => (value ? JSON.stringify(value, null, 2) : '');

/** JSON typed by hand, such as sample data; says what is wrong until it parses. */
export const JsonDataField = ({
  name,
  label,
  hint,
  value,
  readOnly,
  onChange,
}: JsonDataFieldProps) => {
  const t = useT();
  const [raw, setRaw] = useState(() => format(value));
  const [error, setError] = useState<string | undefined>();

  // Follow outside changes (a restore, another locale) unless the text here says the same.
  useEffect(() => {
    setRaw((current) => {
      try {
        if (JSON.stringify(JSON.parse(current || 'null')) === JSON.stringify(value)) return current;
      } catch {
        // The text here does not parse yet; the value from outside replaces it.
      }
      return format(value);
    });
  }, [value]);

  const update = (text: string) => {
    setRaw(text);
    if (!text.trim()) {
      setError(undefined);
      onChange(null);
      return;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        setError(
          t('template.data.notObject', 'Write a JSON object, such as {example}', {
            example: '{ "name": "Ada" }',
          })
        );
        return;
      }
      setError(undefined);
      onChange(parsed as SampleData);
    } catch (cause) {
      setError(
        t('template.data.invalid', 'Not valid JSON yet: {message}', {
          message: cause instanceof Error ? cause.message : String(cause),
        })
      );
    }
  };

  return (
    <Field.Root name={name} hint={hint} error={error}>
      <Field.Label>{label}</Field.Label>
      <Textarea
        value={raw}
        disabled={readOnly}
        style={{ fontFamily: 'monospace', minHeight: '16rem' }}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => update(event.target.value)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
