import type { Core } from '@strapi/strapi';

import { DEMO_TEMPLATES } from './templates';

const LOCALES = [
  { code: 'en', name: 'English (en)' },
  { code: 'fr', name: 'French (fr)' },
];

export const DEMO_ADMIN = {
  email: process.env.DEMO_ADMIN_EMAIL ?? 'admin@mailroom.test',
  password: process.env.DEMO_ADMIN_PASSWORD ?? 'Mailroom-demo-1',
};

export const ensureLocales = async (strapi: Core.Strapi) => {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    if (!(await locales.findByCode(locale.code))) await locales.create(locale);
  }
  await locales.setDefaultLocale({ code: 'en' });
};

const seedTemplates = async (strapi: Core.Strapi) => {
  const documents = strapi.documents('plugin::mailroom.template');
  for (const template of DEMO_TEMPLATES) {
    const existing = await documents.findFirst({ filters: { slug: template.slug }, locale: 'en' });
    if (existing) continue;
    const { documentId } = await documents.create({
      locale: 'en',
      // The playground has no generated types for the plugin's content types.
      data: { slug: template.slug, name: template.name, editor: 'html', ...template.en } as never,
    });
    await documents.update({
      documentId,
      locale: 'fr',
      data: { slug: template.slug, name: template.name, editor: 'html', ...template.fr } as never,
    });
    strapi.log.info(`[playground] seeded template '${template.slug}' (en, fr)`);
  }
};

const seedAdmin = async (strapi: Core.Strapi) => {
  const users = strapi.service('admin::user');
  if ((await users.count()) > 0) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email: DEMO_ADMIN.email,
    firstname: 'Demo',
    lastname: 'Admin',
    password: DEMO_ADMIN.password,
    registrationToken: null,
    isActive: true,
    roles: superAdmin ? [superAdmin.id] : [],
  });
  strapi.log.info(`[playground] created the demo admin ${DEMO_ADMIN.email}`);
};

export const seedDemo = async (strapi: Core.Strapi) => {
  await seedTemplates(strapi);
  await seedAdmin(strapi);
};
