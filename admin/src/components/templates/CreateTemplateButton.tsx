import { useState } from 'react';
import {
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useNavigate } from 'react-router-dom';

import type { EditorMode, Locale, Template, TemplateFields } from '../../types';
import { toApiError, type ApiErrorInfo } from '../../utils/api-error';
import { useT } from '../../utils/useT';
import { EditorModeOptions } from '../editor/EditorModeOptions';

interface CreateTemplateButtonProps {
  locales: Locale[];
  onCreate: (locale: string, data: Partial<TemplateFields>) => Promise<Template>;
}

/** `Order shipped!` → `order-shipped`: the slug code will send the template by. */
const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Opens a form for a new template and goes to its editor once the server created it. */
export const CreateTemplateButton = ({ locales, onCreate }: CreateTemplateButtonProps) => {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [subject, setSubject] = useState('');
  const [locale, setLocale] = useState('');
  const [editor, setEditor] = useState<EditorMode>('designer');
  const [error, setError] = useState<ApiErrorInfo | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const chosenLocale = locale || locales[0]?.code || 'en';
  const errorFor = (field: string) =>
    error && (error.details.field === field || error.details.path === field)
      ? error.message
      : undefined;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    try {
      const template = await onCreate(chosenLocale, { name, slug, subject, editor });
      setOpen(false);
      navigate(`templates/${template.documentId}?locale=${template.locale}`);
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button startIcon={<Plus />}>{t('templates.create', 'Create a template')}</Button>
      </Modal.Trigger>
      <Modal.Content>
        <form onSubmit={submit}>
          <Modal.Header>
            <Modal.Title>{t('templates.create', 'Create a template')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="name" required error={errorFor('name')}>
                <Field.Label>{t('template.field.name', 'Name')}</Field.Label>
                <TextInput
                  value={name}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
                    setName(event.target.value);
                    if (!slugEdited) setSlug(slugify(event.target.value));
                  }}
                />
                <Field.Error />
              </Field.Root>
              <Field.Root
                name="slug"
                required
                error={errorFor('slug')}
                hint={t('template.field.slug.hint', 'Code sends the template by this id.')}
              >
                <Field.Label>{t('template.field.slug', 'Slug')}</Field.Label>
                <TextInput
                  value={slug}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
                    setSlugEdited(true);
                    setSlug(event.target.value);
                  }}
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <Field.Root name="subject" required error={errorFor('subject')}>
                <Field.Label>{t('template.field.subject', 'Subject')}</Field.Label>
                <TextInput
                  value={subject}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    setSubject(event.target.value)
                  }
                />
                <Field.Error />
              </Field.Root>
              <Flex gap={4}>
                <Field.Root name="locale" style={{ flex: 1 }}>
                  <Field.Label>{t('template.field.locale', 'Locale')}</Field.Label>
                  <SingleSelect
                    value={chosenLocale}
                    onChange={(next: string | number) => setLocale(String(next))}
                  >
                    {locales.map((option) => (
                      <SingleSelectOption key={option.code} value={option.code}>
                        {option.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
                <Field.Root name="editor" style={{ flex: 1 }}>
                  <Field.Label>{t('template.field.editor', 'Edit with')}</Field.Label>
                  <SingleSelect
                    value={editor}
                    onChange={(next: string | number) => setEditor(next as EditorMode)}
                  >
                    <EditorModeOptions />
                  </SingleSelect>
                </Field.Root>
              </Flex>
              {error && !errorFor('name') && !errorFor('slug') && !errorFor('subject') && (
                <Field.Root name="form" error={error.message}>
                  <Field.Error />
                </Field.Root>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('common.cancel', 'Cancel')}</Button>
            </Modal.Close>
            <Button type="submit" loading={isSaving}>
              {t('templates.create.submit', 'Create')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
