import { Page } from '@strapi/strapi/admin';
import { Layouts } from '@strapi/strapi/admin';
import { useParams, useSearchParams } from 'react-router-dom';

import { BackLink } from '../components/editor/BackLink';
import { MissingLocale } from '../components/editor/MissingLocale';
import { TemplateEditor } from '../components/editor/TemplateEditor';
import { TemplateNotFound } from '../components/editor/TemplateNotFound';
import { useEditorConfig } from '../hooks/useEditorConfig';
import { useLocales } from '../hooks/useLocales';
import { useMailroomPermissions } from '../hooks/useMailroomPermissions';
import { useTemplate } from '../hooks/useTemplate';
import { useT } from '../utils/useT';

/** One template in the locale named by `?locale=`. */
const TemplateEditorPage = () => {
  const t = useT();
  const { documentId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const { locales } = useLocales();
  const locale =
    searchParams.get('locale') ?? locales.find((option) => option.isDefault)?.code ?? 'en';
  const template = useTemplate(documentId, locale);
  const { config } = useEditorConfig();
  const permissions = useMailroomPermissions();

  const title = template.template?.name ?? t('editor.title', 'Template');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      {template.isLoading && !template.template ? (
        <Page.Loading />
      ) : template.isMissing || template.isNotFound ? (
        <>
          <Layouts.Header navigationAction={<BackLink />} title={title} />
          <Layouts.Content>
            {template.isMissing ? (
              <MissingLocale
                locale={locales.find((option) => option.code === locale)}
                sources={locales.filter(
                  (option) =>
                    option.code !== locale && template.existingLocales.includes(option.code)
                )}
                canDesign={permissions.canDesign}
                onCopy={template.copyFromLocale}
              />
            ) : (
              <TemplateNotFound />
            )}
          </Layouts.Content>
        </>
      ) : template.error || !template.template ? (
        <Page.Error />
      ) : (
        <TemplateEditor
          key={`${template.template.documentId}-${template.template.locale}`}
          template={template.template}
          locales={locales}
          editorConfig={config}
          permissions={permissions}
          onSave={template.save}
          onCopyFromLocale={template.copyFromLocale}
          onReplaced={template.refetch}
          onLocaleChange={(next) => setSearchParams({ locale: next })}
        />
      )}
    </Page.Main>
  );
};

export default TemplateEditorPage;
