import { forwardRef, useMemo } from 'react';
import { Box, Flex, Tabs, Typography } from '@strapi/design-system';

import type { EditorConfig, EditorMode, MjmlError, TemplateFields } from '../../types';
import { buildMergeTags } from '../../utils/merge-tags';
import { useT } from '../../utils/useT';
import { DesignerEditor, type DesignerHandle } from '../designer/DesignerEditor';
import { HtmlEditor } from './HtmlEditor';
import { MjmlEditor } from './MjmlEditor';

interface ContentEditorProps {
  draft: TemplateFields;
  editorConfig: EditorConfig | null;
  canEdit: boolean;
  mjmlErrors: MjmlError[];
  /**
   * Changes when the content was replaced from outside (restore, copy), so the designer
   * reloads.
   */
  contentKey: string;
  onChange: (values: Partial<TemplateFields>) => void;
}

const MJML_STARTER = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Hello {{name}}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

/** The change a mode switch makes: MJML mode starts from a skeleton rather than a blank page. */
const switchTo = (editor: EditorMode, draft: TemplateFields): Partial<TemplateFields> =>
  editor === 'mjml' && !draft.mjml ? { editor, mjml: MJML_STARTER } : { editor };

/** The body of the email in the mode the template is written in: designer, MJML or HTML. */
export const ContentEditor = forwardRef<DesignerHandle, ContentEditorProps>(
  ({ draft, editorConfig, canEdit, mjmlErrors, contentKey, onChange }, designerRef) => {
    const t = useT();
    const mergeTags = useMemo(() => buildMergeTags(draft.sampleData), [draft.sampleData]);

    return (
      <Tabs.Root
        value={draft.editor}
        onValueChange={(mode: string) => canEdit && onChange(switchTo(mode as EditorMode, draft))}
      >
        <Flex justifyContent="space-between" alignItems="flex-end" paddingBottom={2}>
          <Typography variant="delta" tag="h2">
            {t('editor.content', 'Email body')}
          </Typography>
          <Tabs.List
            aria-label={t('editor.mode', 'Editing mode')}
            style={{ flexShrink: 0, whiteSpace: 'nowrap' }}
          >
            <Tabs.Trigger value="designer" disabled={!canEdit && draft.editor !== 'designer'}>
              {t('editor.mode.designer.short', 'Designer')}
            </Tabs.Trigger>
            <Tabs.Trigger value="mjml" disabled={!canEdit && draft.editor !== 'mjml'}>
              {t('editor.mode.mjml', 'MJML code')}
            </Tabs.Trigger>
            <Tabs.Trigger value="html" disabled={!canEdit && draft.editor !== 'html'}>
              {t('editor.mode.html', 'HTML code')}
            </Tabs.Trigger>
          </Tabs.List>
        </Flex>
        <Box paddingTop={2}>
          <Tabs.Content value="designer">
            {editorConfig ? (
              <DesignerEditor
                key={contentKey}
                ref={designerRef}
                config={editorConfig}
                design={draft.design}
                mergeTags={mergeTags}
                canEdit={canEdit}
                onChange={({ design, html }) => onChange({ design, html })}
                onUseCode={(mode) => onChange(switchTo(mode, draft))}
              />
            ) : null}
          </Tabs.Content>
          <Tabs.Content value="mjml">
            <MjmlEditor
              value={draft.mjml ?? ''}
              readOnly={!canEdit}
              serverErrors={mjmlErrors}
              onChange={(mjml) => onChange({ mjml })}
            />
          </Tabs.Content>
          <Tabs.Content value="html">
            <HtmlEditor
              value={draft.html ?? ''}
              readOnly={!canEdit}
              onChange={(html) => onChange({ html })}
            />
          </Tabs.Content>
        </Box>
      </Tabs.Root>
    );
  }
);

ContentEditor.displayName = 'ContentEditor';
