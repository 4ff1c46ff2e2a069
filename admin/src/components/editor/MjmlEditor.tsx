import { useEffect, useState } from 'react';
import { Box, Flex, Grid, Typography } from '@strapi/design-system';

import type { MjmlError } from '../../types';
import { useT } from '../../utils/useT';
import { CodeArea } from './CodeArea';
import { HtmlFrame } from './HtmlFrame';

interface MjmlEditorProps {
  value: string;
  readOnly: boolean;
  /** Errors the server found on the last save, shown until the next compile here. */
  serverErrors: MjmlError[];
  onChange: (mjml: string) => void;
}

interface Compiled {
  html: string;
  errors: MjmlError[];
}

/** Compiles in the browser with mjml-browser, loaded only when someone opens MJML mode. */
const compile = async (mjml: string): Promise<Compiled> => {
  const module = await import('mjml-browser');
  const mjml2html =
    (module as unknown as { default?: typeof module.default }).default ??
    (module as unknown as typeof module.default);
  try {
    const result = mjml2html(mjml, { validationLevel: 'soft' });
    return {
      html: result.html,
      errors: result.errors.map(({ line, message, tagName }) => ({ line, message, tagName })),
    };
  } catch (error) {
    // Markup MJML cannot even parse throws instead of reporting; keep its message.
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/line (\d+)/i.exec(message)?.[1] ?? 0);
    return { html: '', errors: [{ line, message }] };
  }
};

/** MJML source on the left, the compiled email on the right, errors with their lines below. */
export const MjmlEditor = ({ value, readOnly, serverErrors, onChange }: MjmlEditorProps) => {
  const t = useT();
  const [compiled, setCompiled] = useState<Compiled | null>(null);

  // Compile once typing pauses: mjml-browser takes a noticeable moment on long templates.
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void compile(value).then((result) => !cancelled && setCompiled(result));
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [value]);

  const errors = compiled ? compiled.errors : serverErrors;

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <CodeArea
            label={t('editor.mjml.label', 'MJML source')}
            value={value}
            readOnly={readOnly}
            errorLines={errors.map((error) => error.line)}
            onChange={onChange}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <HtmlFrame
            title={t('editor.mjml.preview', 'Compiled MJML')}
            html={compiled?.html ?? ''}
          />
        </Grid.Item>
      </Grid.Root>
      {errors.length > 0 && (
        <Box
          padding={4}
          hasRadius
          background="danger100"
          borderColor="danger200"
          data-testid="mjml-errors"
        >
          <Typography variant="omega" fontWeight="bold" textColor="danger700">
            {t('editor.mjml.errors', '{count, plural, one {# MJML error} other {# MJML errors}}', {
              count: errors.length,
            })}
          </Typography>
          <ul>
            {errors.map((error, index) => (
              <li key={index}>
                <Typography textColor="danger700">
                  {error.line
                    ? t('editor.mjml.errorLine', 'Line {line}: {message}', {
                        line: error.line,
                        message: error.message,
                      })
                    : error.message}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
    </Flex>
  );
};
