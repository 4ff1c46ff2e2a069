import { useState } from 'react';
import { Layouts, Page } from '@strapi/strapi/admin';

import { CreateTemplateButton } from '../components/templates/CreateTemplateButton';
import { TemplateFiltersBar } from '../components/templates/TemplateFiltersBar';
import { TemplatesToolbar } from '../components/templates/TemplatesToolbar';
import { TemplateTable } from '../components/templates/TemplateTable';
import { useLocales } from '../hooks/useLocales';
import { useMailroomPermissions } from '../hooks/useMailroomPermissions';
import { useTemplates } from '../hooks/useTemplates';
import { useT } from '../utils/useT';

/** Every template, with search, a locale filter, and create / import / export. */
const TemplatesPage = () => {
  const t = useT();
  const [q, setQ] = useState('');
  const [locale, setLocale] = useState('');
  const templates = useTemplates({ q, locale });
  const { locales } = useLocales();
  const permissions = useMailroomPermissions();

  return (
    <Page.Main>
      <Page.Title>{t('templates.title', 'Email templates')}</Page.Title>
      <Layouts.Header
        title={t('templates.title', 'Email templates')}
        subtitle={t('templates.subtitle', 'Design the emails your application sends.')}
        primaryAction={
          permissions.canDesign ? (
            <CreateTemplateButton locales={locales} onCreate={templates.create} />
          ) : undefined
        }
      />
      <Layouts.Action
        startActions={
          <TemplateFiltersBar
            q={q}
            locale={locale}
            locales={locales}
            onSearch={setQ}
            onLocaleChange={setLocale}
          />
        }
        endActions={
          <TemplatesToolbar
            canImport={permissions.canDesign}
            onImport={templates.importFile}
            onExport={templates.exportTemplates}
          />
        }
      />
      <Layouts.Content>
        {templates.error ? (
          <Page.Error />
        ) : templates.isLoading && templates.templates.length === 0 ? (
          <Page.Loading />
        ) : (
          <TemplateTable
            templates={templates.templates}
            permissions={permissions}
            onDuplicate={templates.duplicate}
            onDelete={templates.remove}
            onExport={templates.exportTemplates}
          />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default TemplatesPage;
