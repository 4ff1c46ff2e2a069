import { Field, Grid, TextInput } from '@strapi/design-system';

import type { TemplateFields } from '../../types';
import { useT } from '../../utils/useT';

interface TemplateSettingsFieldsProps {
  draft: TemplateFields;
  readOnly: boolean;
  onChange: (values: Partial<TemplateFields>) => void;
}

type TextField = 'subject' | 'preheader' | 'fromAddress' | 'replyTo';

/** Subject, preheader and the sender overrides of one locale. */
export const TemplateSettingsFields = ({
  draft,
  readOnly,
  onChange,
}: TemplateSettingsFieldsProps) => {
  const t = useT();

  const fields: { name: TextField; label: string; hint: string; required?: boolean }[] = [
    {
      name: 'subject',
      label: t('template.field.subject', 'Subject'),
      hint: t('template.field.subject.hint', 'Handlebars variables work here too: {example}', {
        example: '{{name}}',
      }),
      required: true,
    },
    {
      name: 'preheader',
      label: t('template.field.preheader', 'Preheader'),
      hint: t('template.field.preheader.hint', 'The line inboxes show after the subject.'),
    },
    {
      name: 'fromAddress',
      label: t('template.field.from', 'From (override)'),
      hint: t('template.field.from.hint', 'Empty: the default sender from the plugin config.'),
    },
    {
      name: 'replyTo',
      label: t('template.field.replyTo', 'Reply-To (override)'),
      hint: t('template.field.replyTo.hint', 'Empty: the default Reply-To, if any.'),
    },
  ];

  return (
    <Grid.Root gap={4}>
      {fields.map((field) => (
        <Grid.Item key={field.name} col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name={field.name} hint={field.hint} required={field.required}>
            <Field.Label>{field.label}</Field.Label>
            <TextInput
              value={draft[field.name] ?? ''}
              disabled={readOnly}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                onChange({ [field.name]: event.target.value })
              }
            />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
