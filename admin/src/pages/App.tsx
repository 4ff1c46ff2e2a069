import { lazy, Suspense } from 'react';
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { PERMISSIONS } from '../permissions';

const TemplatesPage = lazy(() => import('./TemplatesPage'));
const TemplateEditorPage = lazy(() => import('./TemplateEditorPage'));

/** Mailroom's pages; every one needs the read action, actions inside check their own. */
const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <Suspense fallback={<Page.Loading />}>
      <Routes>
        <Route index element={<TemplatesPage />} />
        <Route path="templates/:documentId" element={<TemplateEditorPage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </Suspense>
  </Page.Protect>
);

export default App;
