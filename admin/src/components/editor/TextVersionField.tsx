import { useState } from 'react';
import { Field, Flex, Textarea, Toggle } from '@strapi/design-system';

import { useT } from '../../utils/useT';

interface TextVersionFieldProps {
  text: string | null;
  readOnly: boolean;
  onChange: (text: string) => void;
}

/** The plain-text part: generated from the HTML at send time, or written by hand. */
export const TextVersionField = ({ text, readOnly, onChange }: TextVersionFieldProps) => {
  const t = useT();
  // Written by hand as soon as there is text; an empty text is what "generate" is stored as.
  const [byHand, setByHand] = useState(Boolean(text));

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root
        name="textMode"
        hint={t(
          'template.field.textMode.hint',
          'Mail clients that do not show HTML display the text version.'
        )}
      >
        <Field.Label>
          {t('template.field.textMode', 'Generate the text version from the HTML')}
        </Field.Label>
        <Toggle
          onLabel={t('common.yes', 'Yes')}
          offLabel={t('common.no', 'No')}
          checked={!byHand}
          disabled={readOnly}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
            const generate = event.target.checked;
            setByHand(!generate);
            if (generate) onChange('');
          }}
        />
        <Field.Hint />
      </Field.Root>
      {byHand && (
        <Field.Root name="text">
          <Field.Label>{t('template.field.text', 'Text version')}</Field.Label>
          <Textarea
            value={text ?? ''}
            disabled={readOnly}
            style={{ fontFamily: 'monospace', minHeight: '16rem' }}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
              onChange(event.target.value)
            }
          />
        </Field.Root>
      )}
    </Flex>
  );
};
