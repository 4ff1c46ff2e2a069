import { useRef, useState } from 'react';
import { Box, Button, Flex, Grid, Tabs } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, useNotification } from '@strapi/strapi/admin';

import { useTemplateDraft } from '../../hooks/useTemplateDraft';
import type { EditorConfig, Locale, MjmlError, Template, TemplateFields } from '../../types';
import { toApiError } from '../../utils/api-error';
import { useT } from '../../utils/useT';
import type { DesignerHandle } from '../designer/DesignerEditor';
import { PreviewPanel } from '../preview/PreviewPanel';
import { TestSendPanel } from '../preview/TestSendPanel';
import { VersionHistory } from '../versions/VersionHistory';
import { BackLink } from './BackLink';
import { ContentEditor } from './ContentEditor';
import { CopyFromLocale } from './CopyFromLocale';
import { JsonDataField } from './JsonDataField';
import { LocaleSwitcher } from './LocaleSwitcher';
import { TemplateSettingsFields } from './TemplateSettingsFields';
import { TextVersionField } from './TextVersionField';

interface TemplateEditorProps {
  template: Template;
  locales: Locale[];
  editorConfig: EditorConfig | null;
  permissions: { canDesign: boolean; canSendTest: boolean };
  onSave: (fields: Partial<TemplateFields>) => Promise<Template>;
  onCopyFromLocale: (from: string) => Promise<Template>;
  onReplaced: () => void;
  onLocaleChange: (locale: string) => void;
}

/** One template locale: its fields and content, the preview and test send, and its history. */
export const TemplateEditor = ({
  template,
  locales,
  editorConfig,
  permissions,
  onSave,
  onCopyFromLocale,
  onReplaced,
  onLocaleChange,
}: TemplateEditorProps) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { draft, setFields, isDirty } = useTemplateDraft(template);
  const designer = useRef<DesignerHandle>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [mjmlErrors, setMjmlErrors] = useState<MjmlError[]>([]);
  const [replacements, setReplacements] = useState(0);
  const readOnly = !permissions.canDesign;

  if (!draft) return null;

  const save = async () => {
    setIsSaving(true);
    try {
      // The designer's latest state may not have reached the draft yet; ask it directly.
      const content = draft.editor === 'designer' ? await designer.current?.exportContent() : null;
      await onSave(content ? { ...draft, ...content } : draft);
      setMjmlErrors([]);
      toggleNotification({ type: 'success', message: t('editor.saved', 'Saved.') });
    } catch (error) {
      const info = toApiError(error);
      if (info.code === 'MJML_INVALID' && Array.isArray(info.details.errors)) {
        setMjmlErrors(info.details.errors as MjmlError[]);
      }
      toggleNotification({ type: 'danger', message: info.message });
    } finally {
      setIsSaving(false);
    }
  };

  const replaced = () => {
    setReplacements((count) => count + 1);
    onReplaced();
  };

  const copyFrom = async (from: string) => {
    try {
      await onCopyFromLocale(from);
      setReplacements((count) => count + 1);
    } catch (error) {
      toggleNotification({ type: 'danger', message: toApiError(error).message });
    }
  };

  const previewRequest = {
    documentId: template.documentId,
    locale: template.locale,
    template: {
      subject: draft.subject,
      html: draft.html,
      text: draft.text,
      preheader: draft.preheader,
      editor: draft.editor,
      mjml: draft.mjml,
    },
    data: draft.sampleData ?? undefined,
  };

  return (
    <>
      <Layouts.Header
        navigationAction={<BackLink />}
        title={template.name}
        subtitle={t('editor.subtitle', 'Sent by code as “{slug}”', { slug: template.slug })}
        primaryAction={
          permissions.canDesign ? (
            <Button
              startIcon={<Check />}
              loading={isSaving}
              disabled={!isDirty && !isSaving}
              onClick={() => void save()}
            >
              {t('editor.save', 'Save')}
            </Button>
          ) : undefined
        }
        secondaryAction={
          <Flex gap={2}>
            <LocaleSwitcher
              locale={template.locale}
              locales={locales}
              existing={template.locales}
              hasUnsavedChanges={isDirty}
              onChange={onLocaleChange}
            />
            {permissions.canDesign && (
              <CopyFromLocale
                locale={template.locale}
                sources={locales.filter((option) => template.locales.includes(option.code))}
                onCopy={(from) => void copyFrom(from)}
              />
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <Tabs.Root defaultValue="content">
          <Tabs.List aria-label={t('editor.sections', 'Template sections')}>
            <Tabs.Trigger value="content">{t('editor.tab.content', 'Content')}</Tabs.Trigger>
            <Tabs.Trigger value="preview">
              {t('editor.tab.preview', 'Preview and test')}
            </Tabs.Trigger>
            <Tabs.Trigger value="history">{t('editor.tab.history', 'History')}</Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="content">
            <Flex direction="column" alignItems="stretch" gap={6} paddingTop={6}>
              <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
                <Flex direction="column" alignItems="stretch" gap={6}>
                  <TemplateSettingsFields draft={draft} readOnly={readOnly} onChange={setFields} />
                  <Grid.Root gap={4}>
                    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                      <TextVersionField
                        text={draft.text}
                        readOnly={readOnly}
                        onChange={(text) => setFields({ text })}
                      />
                    </Grid.Item>
                    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                      <JsonDataField
                        name="sampleData"
                        label={t('template.field.sampleData', 'Sample data (JSON)')}
                        hint={t(
                          'template.field.sampleData.hint',
                          'Fills the variables in the preview and becomes the designer’s merge tags.'
                        )}
                        value={draft.sampleData}
                        readOnly={readOnly}
                        onChange={(sampleData) => setFields({ sampleData })}
                      />
                    </Grid.Item>
                  </Grid.Root>
                </Flex>
              </Box>
              <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
                <ContentEditor
                  ref={designer}
                  draft={draft}
                  editorConfig={editorConfig}
                  canEdit={permissions.canDesign}
                  mjmlErrors={mjmlErrors}
                  contentKey={`${template.locale}-${replacements}`}
                  onChange={setFields}
                />
              </Box>
            </Flex>
          </Tabs.Content>
          <Tabs.Content value="preview">
            <Box paddingTop={6}>
              <Grid.Root gap={6}>
                <Grid.Item
                  col={permissions.canSendTest ? 8 : 12}
                  s={12}
                  direction="column"
                  alignItems="stretch"
                >
                  <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
                    <PreviewPanel request={previewRequest} />
                  </Box>
                </Grid.Item>
                {permissions.canSendTest && (
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
                      <TestSendPanel
                        documentId={template.documentId}
                        locale={template.locale}
                        data={draft.sampleData}
                        hasUnsavedChanges={isDirty}
                      />
                    </Box>
                  </Grid.Item>
                )}
              </Grid.Root>
            </Box>
          </Tabs.Content>
          <Tabs.Content value="history">
            <Box paddingTop={6}>
              <VersionHistory
                documentId={template.documentId}
                locale={template.locale}
                refreshKey={template.updatedAt}
                canRestore={permissions.canDesign}
                onRestored={replaced}
              />
            </Box>
          </Tabs.Content>
        </Tabs.Root>
      </Layouts.Content>
    </>
  );
};
