import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';

import { MailroomConfigError, validateConfig } from '../server/src/config/validate';
import adminRoutes from '../server/src/routes/admin';
import { ACTIONS } from '../server/src/routes/admin/permissions';
import { SmtpSink } from './helpers/smtp-sink';
import {
  PLAYGROUND,
  createTestDatabase,
  startStrapi,
  stopStrapi,
  type TestDatabase,
} from './helpers/strapi';

const RELAY_PASSWORD = 'relay-secret-Zq81';
const ADMIN_PASSWORD = 'Designer-test-1';
/** Test sends allowed per admin in this suite; the rate-limit test sends until it is used up. */
const TEST_SEND_LIMIT = 5;

/** The smallest valid PNG: one transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
);

interface Answer {
  status: number;
  body: {
    data?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers of many shapes
    error?: { status: number; name: string; message: string; details?: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}

describe('designer admin API', () => {
  let strapi: Core.Strapi;
  let sink: SmtpSink;
  let db: TestDatabase;
  let baseUrl: string;
  let designerToken: string;
  let readerToken: string;
  const answers: string[] = [];
  const uploadedIds: number[] = [];

  const api = async (
    method: string,
    url: string,
    { token, body, form }: { token?: string; body?: unknown; form?: FormData } = {}
  ): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    const sendsBody = body !== undefined && method !== 'GET' && method !== 'DELETE';
    if (sendsBody) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers,
      body: form ?? (sendsBody ? JSON.stringify(body) : undefined),
    });
    const text = await response.text();
    answers.push(text);
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  };

  const as = (token: string) => ({
    get: (url: string) => api('GET', url, { token }),
    post: (url: string, body?: unknown) => api('POST', url, { token, body: body ?? {} }),
    put: (url: string, body: unknown) => api('PUT', url, { token, body }),
    delete: (url: string) => api('DELETE', url, { token }),
  });

  const login = async (email: string) => {
    const { status, body } = await api('POST', '/admin/login', {
      body: { email, password: ADMIN_PASSWORD },
    });
    assert.equal(status, 200, JSON.stringify(body));
    return body.data.token as string;
  };

  const createAdmin = async (email: string, roleId: number) => {
    await strapi.service('admin::user').create({
      email,
      firstname: email.split('@')[0],
      lastname: 'Tester',
      password: ADMIN_PASSWORD,
      registrationToken: null,
      isActive: true,
      roles: [roleId],
    });
    return login(email);
  };

  const designer = () => as(designerToken);

  const createTemplate = async (data: Record<string, unknown>, locale = 'en') => {
    const answer = await designer().post('/mailroom/templates', { locale, data });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    return answer.body.data;
  };

  before(async () => {
    sink = await new SmtpSink({
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    }).start();
    db = await createTestDatabase();
    strapi = await startStrapi({
      ...db.env,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_USERNAME: 'relay-user',
      SMTP_PASSWORD: RELAY_PASSWORD,
      MAILROOM_SEND_LIMIT: JSON.stringify({ points: TEST_SEND_LIMIT, duration: 3_600_000 }),
    });
    const { port } = strapi.server.httpServer.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;

    const superAdmin = await strapi.service('admin::role').getSuperAdmin();
    designerToken = await createAdmin('designer@mailroom.test', superAdmin.id);

    const reader = await strapi.service('admin::role').create({
      name: 'Template reader',
      description: 'May look at templates only',
    });
    await strapi
      .service('admin::role')
      .assignPermissions(reader.id, [{ action: ACTIONS.read, subject: null }]);
    readerToken = await createAdmin('reader@mailroom.test', reader.id);
  });

  after(async () => {
    for (const id of uploadedIds) {
      const file = await strapi.plugin('upload').service('upload').findOne(id);
      if (file) await strapi.plugin('upload').service('upload').remove(file);
    }
    await stopStrapi(strapi);
    await sink.stop();
    await db.drop();
  });

  const routes = adminRoutes().routes;
  const concretePath = (routePath: string) =>
    `/mailroom${routePath.replace(':documentId', 'abc').replace(':id', '1')}`;

  describe('access control', () => {
    it('answers 401 on every route without a token', async () => {
      for (const route of routes) {
        const { status } = await api(route.method, concretePath(route.path), { body: {} });
        assert.equal(status, 401, `${route.method} ${route.path}`);
      }
    });

    it('answers 403 to a reader on every route that needs more than read', async () => {
      const guarded = routes.filter(
        (route) =>
          !JSON.stringify(route.config.policies).includes(ACTIONS.read) && route.path !== '/uploads'
      );
      assert.equal(guarded.length, 8);
      for (const route of guarded) {
        const { status } = await api(route.method, concretePath(route.path), {
          token: readerToken,
          body: {},
        });
        assert.equal(status, 403, `${route.method} ${route.path}`);
      }
      const form = new FormData();
      form.append('files', new Blob([PNG], { type: 'image/png' }), 'pixel.png');
      const upload = await api('POST', '/mailroom/uploads', { token: readerToken, form });
      assert.equal(upload.status, 403);
    });

    it('lets a reader list templates and read the editor config', async () => {
      assert.equal((await as(readerToken).get('/mailroom/templates')).status, 200);
      const config = await as(readerToken).get('/mailroom/editor-config');
      assert.equal(config.status, 200);
      assert.deepEqual(config.body.data, {
        scriptUrl: 'https://editor.unlayer.com/embed.js',
        options: {},
        loadTimeout: 10000,
      });
    });
  });

  describe('templates', () => {
    it('creates, reads, lists, updates and deletes a template', async () => {
      const created = await createTemplate({
        slug: 'crud',
        name: 'CRUD',
        editor: 'html',
        subject: 'Hello {{name}}',
        html: '<p>Hello <b>{{name}}</b></p>',
        text: '',
        sampleData: { name: 'Ada' },
      });
      assert.equal(created.slug, 'crud');
      assert.equal(created.locale, 'en');
      assert.deepEqual(created.locales, ['en']);
      assert.equal(created.text, '');

      const read = await designer().get(`/mailroom/templates/${created.documentId}?locale=en`);
      assert.equal(read.status, 200);
      assert.equal(read.body.data.subject, 'Hello {{name}}');
      assert.deepEqual(read.body.data.sampleData, { name: 'Ada' });

      const listed = await designer().get('/mailroom/templates?q=CRU');
      assert.deepEqual(
        listed.body.data.map((item: { slug: string }) => item.slug),
        ['crud']
      );
      assert.equal(
        (await designer().get('/mailroom/templates?q=nothing-like-it')).body.data.length,
        0
      );

      const updated = await designer().put(`/mailroom/templates/${created.documentId}?locale=en`, {
        data: { subject: 'Hi {{name}}', text: null },
      });
      assert.equal(updated.status, 200, JSON.stringify(updated.body));
      assert.equal(updated.body.data.subject, 'Hi {{name}}');
      assert.equal(updated.body.data.html, '<p>Hello <b>{{name}}</b></p>');

      const stored = await strapi.db
        .query('plugin::mailroom.template')
        .findOne({ where: { documentId: created.documentId, locale: 'en' } });
      assert.ok(!stored.text, 'text stays empty when the client sends none');
      const rendered = await strapi
        .plugin('mailroom')
        .service('templates')
        .render('crud', { data: { name: 'Ada' }, locale: 'en' });
      assert.match(rendered.text, /Hello ADA|Hello Ada/);

      const removed = await designer().delete(`/mailroom/templates/${created.documentId}`);
      assert.equal(removed.status, 200);
      assert.equal((await designer().get(`/mailroom/templates/${created.documentId}`)).status, 404);
    });

    it('rejects a slug another template uses in the same locale', async () => {
      await createTemplate({ slug: 'taken', name: 'Taken', subject: 'S', html: '<p>x</p>' });
      const answer = await designer().post('/mailroom/templates', {
        locale: 'en',
        data: { slug: 'taken', name: 'Again', subject: 'S' },
      });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error?.details.code, 'SLUG_TAKEN');
    });

    for (const [why, data, code] of [
      ['a slug with capitals', { slug: 'Bad', name: 'n', subject: 's' }, 'SLUG_INVALID'],
      ['a slug starting with a dash', { slug: '-bad', name: 'n', subject: 's' }, 'SLUG_INVALID'],
      ['no name', { slug: 'no-name', subject: 's' }, 'NAME_REQUIRED'],
      ['an empty subject', { slug: 'no-subject', name: 'n', subject: '' }, 'SUBJECT_REQUIRED'],
      [
        'an unknown editor',
        { slug: 'ed', name: 'n', subject: 's', editor: 'word' },
        'EDITOR_INVALID',
      ],
      [
        'a From that is no address',
        { slug: 'fr', name: 'n', subject: 's', fromAddress: 'nobody' },
        'INVALID_ADDRESS',
      ],
      [
        'broken Handlebars',
        { slug: 'hb', name: 'n', subject: 's', html: '<p>{{#if x}}</p>' },
        'TEMPLATE_SYNTAX',
      ],
    ] as const) {
      it(`answers 400 ${code} for ${why}`, async () => {
        const answer = await designer().post('/mailroom/templates', { locale: 'en', data });
        assert.equal(answer.status, 400);
        assert.equal(answer.body.error?.details.code, code);
      });
    }

    it('answers 400 LOCALE_UNKNOWN for a locale the app does not have', async () => {
      const answer = await designer().post('/mailroom/templates', {
        locale: 'xx',
        data: { slug: 'loc', name: 'n', subject: 's' },
      });
      assert.equal(answer.body.error?.details.code, 'LOCALE_UNKNOWN');
    });
  });

  describe('MJML', () => {
    it('rejects MJML with errors and names their lines', async () => {
      const answer = await designer().post('/mailroom/templates', {
        locale: 'en',
        data: {
          slug: 'bad-mjml',
          name: 'Bad MJML',
          subject: 'S',
          editor: 'mjml',
          mjml: '<mjml>\n<mj-body>\n<mj-section>\n<mj-column>\n<mj-text foo="bar">Hi</mj-text>\n</mj-column>\n</mj-section>\n</mj-body>\n</mjml>',
        },
      });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error?.details.code, 'MJML_INVALID');
      assert.deepEqual(
        answer.body.error?.details.errors.map((e: { line: number; tagName: string }) => [
          e.line,
          e.tagName,
        ]),
        [[5, 'mj-text']]
      );
    });

    it('stores the HTML the server compiles from valid MJML', async () => {
      const created = await createTemplate({
        slug: 'good-mjml',
        name: 'Good MJML',
        subject: 'S',
        editor: 'mjml',
        html: '<p>ignored, the server compiles</p>',
        mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{name}}</mj-text></mj-column></mj-section></mj-body></mjml>',
      });
      assert.match(created.html, /<!doctype html>/i);
      assert.match(created.html, /Hi {{name}}/);
      assert.doesNotMatch(created.html, /ignored/);
      const stored = await strapi.db
        .query('plugin::mailroom.template')
        .findOne({ where: { documentId: created.documentId } });
      assert.equal(stored.html, created.html);
    });

    it('never reads a file named by <mj-include>', async () => {
      // A file in the working directory: mjml would read it if includes were allowed.
      const secretFile = path.join(process.cwd(), 'mailroom-include-secret.mjml');
      writeFileSync(
        secretFile,
        '<mj-section><mj-column><mj-text>INCLUDED-SECRET</mj-text></mj-column></mj-section>'
      );
      try {
        const answer = await designer().post('/mailroom/preview', {
          locale: 'en',
          template: {
            subject: 's',
            editor: 'mjml',
            mjml: '<mjml><mj-body><mj-include path="./mailroom-include-secret.mjml" /><mj-include path="/etc/passwd" /><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>',
          },
          data: {},
        });
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        assert.match(answer.body.data.html, /Hi/);
        assert.doesNotMatch(answer.body.data.html, /INCLUDED-SECRET/);
        assert.doesNotMatch(answer.body.data.html, /root:/);
      } finally {
        rmSync(secretFile, { force: true });
      }
    });
  });

  describe('preview', () => {
    it('renders with the sending renderer and lists every missing variable', async () => {
      const answer = await designer().post('/mailroom/preview', {
        locale: 'en',
        template: {
          subject: 'Hi {{user.first}}',
          html: '<p>{{greeting}} {{user.first}}, {{#if promo}}{{promo.code}}{{/if}} <a href="{{link}}">go</a></p>',
        },
        data: { greeting: 'Hello', promo: { code: 'SAVE' } },
      });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      const { subject, html, text, warnings } = answer.body.data;
      assert.equal(subject, 'Hi');
      assert.match(html, /Hello , SAVE/);
      assert.match(text, /Hello , SAVE/);
      assert.deepEqual(
        warnings
          .filter((w: { code: string }) => w.code === 'MISSING_VARIABLE')
          .map((w: { detail: string }) => w.detail)
          .sort(),
        ['link', 'user.first']
      );
    });

    it('reports a missing variable inside an each block', async () => {
      const answer = await designer().post('/mailroom/preview', {
        locale: 'en',
        template: { subject: 's', html: '<ul>{{#each items}}<li>{{label}}</li>{{/each}}</ul>' },
        data: { items: [{ title: 'a' }] },
      });
      assert.deepEqual(
        answer.body.data.warnings.map((w: { code: string; detail: string }) => [w.code, w.detail]),
        [['MISSING_VARIABLE', 'label']]
      );
    });

    it('warns about base64 images, images without alt and HTML Gmail clips', async () => {
      const big = `<p>${'x'.repeat(103 * 1024)}</p>`;
      const answer = await designer().post('/mailroom/preview', {
        locale: 'en',
        template: {
          subject: 's',
          html: `<img src="data:image/png;base64,${PNG.toString('base64')}" alt="pixel"><img src="https://cdn.test/a.png">${big}`,
        },
        data: {},
      });
      const codes = answer.body.data.warnings.map((w: { code: string }) => w.code).sort();
      assert.deepEqual(codes, ['BASE64_IMAGE', 'HTML_TOO_LARGE', 'IMAGE_WITHOUT_ALT']);
      const noAlt = answer.body.data.warnings.find(
        (w: { code: string }) => w.code === 'IMAGE_WITHOUT_ALT'
      );
      assert.equal(noAlt.detail, 'https://cdn.test/a.png');
    });

    it('previews a stored template with its sample data and no warnings', async () => {
      const created = await createTemplate({
        slug: 'preview-stored',
        name: 'Stored',
        subject: 'Hi {{name}}',
        html: '<p>Hi {{name}}</p><img src="https://cdn.test/logo.png" alt="">',
        sampleData: { name: 'Grace' },
      });
      const answer = await designer().post('/mailroom/preview', {
        documentId: created.documentId,
        locale: 'en',
      });
      assert.equal(answer.body.data.subject, 'Hi Grace');
      assert.deepEqual(answer.body.data.warnings, []);
    });
  });

  describe('versions', () => {
    it('keeps a version per save and restores one as a new version', async () => {
      const created = await createTemplate({
        slug: 'versioned',
        name: 'Versioned',
        subject: 'First',
        html: '<p>one</p>',
      });
      const url = `/mailroom/templates/${created.documentId}`;
      await designer().put(`${url}?locale=en`, { data: { subject: 'Second', html: '<p>two</p>' } });

      const listed = await designer().get(`${url}/versions?locale=en`);
      assert.deepEqual(
        listed.body.data.map((v: { subject: string }) => v.subject),
        ['Second', 'First']
      );
      assert.equal(listed.body.data[0].createdByName, 'designer Tester');

      const first = listed.body.data[1];
      const full = await designer().get(`${url}/versions/${first.id}`);
      assert.equal(full.body.data.snapshot.html, '<p>one</p>');

      const restored = await designer().post(`${url}/versions/${first.id}/restore`);
      assert.equal(restored.status, 200, JSON.stringify(restored.body));
      assert.equal(restored.body.data.subject, 'First');
      assert.equal(restored.body.data.html, '<p>one</p>');

      const after = await designer().get(`${url}/versions?locale=en`);
      assert.deepEqual(
        after.body.data.map((v: { subject: string }) => v.subject),
        ['First', 'Second', 'First']
      );
      assert.equal((await designer().get(`${url}/versions/999999`)).status, 404);
    });
  });

  describe('locales and copies', () => {
    it('copies a locale into another and creates it there', async () => {
      const created = await createTemplate({
        slug: 'bilingual',
        name: 'Bilingual',
        subject: 'Welcome',
        html: '<p>Welcome</p>',
      });
      const copied = await designer().post(
        `/mailroom/templates/${created.documentId}/copy-locale`,
        {
          from: 'en',
          to: 'fr',
        }
      );
      assert.equal(copied.status, 200, JSON.stringify(copied.body));
      assert.equal(copied.body.data.locale, 'fr');
      assert.equal(copied.body.data.subject, 'Welcome');
      assert.deepEqual(copied.body.data.locales, ['en', 'fr']);

      const fr = await strapi.db
        .query('plugin::mailroom.template')
        .findOne({ where: { documentId: created.documentId, locale: 'fr' } });
      assert.equal(fr.html, '<p>Welcome</p>');
      assert.equal(fr.slug, 'bilingual');
    });

    it('creates a missing locale on PUT and sends it in that locale', async () => {
      const created = await createTemplate({
        slug: 'put-locale',
        name: 'Put locale',
        subject: 'Hello',
        html: '<p>Hello</p>',
      });
      const fr = await designer().put(`/mailroom/templates/${created.documentId}?locale=fr`, {
        data: { subject: 'Bonjour', html: '<p>Bonjour</p>' },
      });
      assert.equal(fr.status, 200, JSON.stringify(fr.body));
      assert.equal(fr.body.data.slug, 'put-locale');
      const rendered = await strapi
        .plugin('mailroom')
        .service('templates')
        .render('put-locale', { locale: 'fr' });
      assert.equal(rendered.subject, 'Bonjour');
    });

    it('duplicates a template in all its locales under a free slug', async () => {
      const created = await createTemplate({
        slug: 'dupe',
        name: 'Dupe',
        subject: 'Hi',
        html: '<p>en</p>',
      });
      await designer().put(`/mailroom/templates/${created.documentId}?locale=fr`, {
        data: { subject: 'Salut', html: '<p>fr</p>' },
      });
      const first = await designer().post(`/mailroom/templates/${created.documentId}/duplicate`);
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.equal(first.body.data.slug, 'dupe-copy');
      assert.deepEqual(first.body.data.locales, ['en', 'fr']);
      const second = await designer().post(`/mailroom/templates/${created.documentId}/duplicate`);
      assert.equal(second.body.data.slug, 'dupe-copy-2');

      const frCopy = await designer().get(
        `/mailroom/templates/${first.body.data.documentId}?locale=fr`
      );
      assert.equal(frCopy.body.data.subject, 'Salut');
      assert.equal(frCopy.body.data.html, '<p>fr</p>');
    });

    it('renames the slug in every locale, since all locales share it', async () => {
      const created = await createTemplate({ slug: 'before-rename', name: 'n', subject: 's' });
      await designer().post(`/mailroom/templates/${created.documentId}/copy-locale`, {
        from: 'en',
        to: 'fr',
      });
      const renamed = await designer().put(`/mailroom/templates/${created.documentId}?locale=en`, {
        data: { slug: 'after-rename' },
      });
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
      const rows = await strapi.db
        .query('plugin::mailroom.template')
        .findMany({ where: { documentId: created.documentId }, orderBy: { locale: 'asc' } });
      assert.deepEqual(
        rows.map((row: { locale: string; slug: string }) => [row.locale, row.slug]),
        [
          ['en', 'after-rename'],
          ['fr', 'after-rename'],
        ]
      );
    });

    it('deletes one locale and keeps the others', async () => {
      const created = await createTemplate({ slug: 'two-locales', name: 'n', subject: 's' });
      await designer().post(`/mailroom/templates/${created.documentId}/copy-locale`, {
        from: 'en',
        to: 'fr',
      });
      const removed = await designer().delete(
        `/mailroom/templates/${created.documentId}?locale=fr`
      );
      assert.deepEqual(removed.body.data.locales, ['fr']);
      const en = await designer().get(`/mailroom/templates/${created.documentId}?locale=en`);
      assert.deepEqual(en.body.data.locales, ['en']);
    });
  });

  describe('export and import', () => {
    it('round-trips a template with its locales', async () => {
      const created = await createTemplate({
        slug: 'exported',
        name: 'Exported',
        subject: 'Export me',
        html: '<p>en</p>',
        sampleData: { a: 1 },
      });
      await designer().put(`/mailroom/templates/${created.documentId}?locale=fr`, {
        data: { subject: 'Exportez-moi', html: '<p>fr</p>' },
      });
      const exported = await designer().get(
        `/mailroom/templates/export?documentId=${created.documentId}`
      );
      assert.equal(exported.status, 200, JSON.stringify(exported.body));
      const file = exported.body.data;
      assert.equal(file.format, 'mailroom-templates');
      assert.equal(file.version, 1);
      assert.deepEqual(Object.keys(file.templates[0].locales).sort(), ['en', 'fr']);

      await designer().delete(`/mailroom/templates/${created.documentId}`);
      const imported = await designer().post('/mailroom/templates/import', file);
      assert.equal(imported.status, 200, JSON.stringify(imported.body));
      assert.deepEqual(imported.body.data, { created: 1, updated: 0 });

      const again = await designer().post('/mailroom/templates/import', file);
      assert.deepEqual(again.body.data, { created: 0, updated: 1 });

      const rows = await strapi.db
        .query('plugin::mailroom.template')
        .findMany({ where: { slug: 'exported' }, orderBy: { locale: 'asc' } });
      assert.deepEqual(
        rows.map((row: { locale: string; subject: string }) => [row.locale, row.subject]),
        [
          ['en', 'Export me'],
          ['fr', 'Exportez-moi'],
        ]
      );
      assert.deepEqual(rows[0].sampleData, { a: 1 });

      const all = await designer().get('/mailroom/templates/export');
      assert.ok(all.body.data.templates.some((t: { slug: string }) => t.slug === 'exported'));
    });

    it('rejects a bad file, says what is wrong and writes nothing', async () => {
      const answer = await designer().post('/mailroom/templates/import', {
        format: 'mailroom-templates',
        version: 1,
        templates: [
          { slug: 'fine-import', name: 'Fine', locales: { en: { subject: 'ok' } } },
          { slug: 'Bad Slug', name: 'x', locales: { en: { subject: 'ok' } } },
          { slug: 'no-subject', name: 'x', locales: { zz: {} } },
        ],
      });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error?.details.code, 'IMPORT_INVALID');
      assert.deepEqual(
        answer.body.error?.details.errors.map((e: { path: string }) => e.path),
        ['templates[1].slug', 'templates[2].locales.zz', 'templates[2].locales.zz.subject']
      );
      const fine = await strapi.db
        .query('plugin::mailroom.template')
        .findOne({ where: { slug: 'fine-import' } });
      assert.equal(fine, null);
    });

    it('rolls back the whole import when one template fails to save', async () => {
      const answer = await designer().post('/mailroom/templates/import', {
        format: 'mailroom-templates',
        version: 1,
        templates: [
          { slug: 'rolled-back', name: 'Rolled back', locales: { en: { subject: 'ok' } } },
          {
            slug: 'bad-mjml-import',
            name: 'x',
            locales: {
              en: {
                subject: 'ok',
                editor: 'mjml',
                mjml: '<mjml><mj-body><mj-nope/></mj-body></mjml>',
              },
            },
          },
        ],
      });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error?.details.code, 'IMPORT_INVALID');
      const rolledBack = await strapi.db
        .query('plugin::mailroom.template')
        .findOne({ where: { slug: 'rolled-back' } });
      assert.equal(rolledBack, null);
    });
  });

  describe('test send', () => {
    it('delivers through the relay and answers with its reply', async () => {
      const created = await createTemplate({
        slug: 'test-send',
        name: 'Test send',
        subject: 'Test for {{name}}',
        html: '<p>Hi {{name}}</p>',
        sampleData: { name: 'Sample' },
      });
      const before = sink.messages.length;
      const answer = await api('POST', '/mailroom/test-send', {
        token: designerToken,
        body: {
          documentId: created.documentId,
          locale: 'en',
          to: 'me@example.com',
          data: { name: 'Linus' },
        },
      });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.data.status, 'sent');
      assert.equal(answer.body.data.relay, 'primary');
      assert.match(answer.body.data.response, /SINK/);

      await sink.waitFor(before + 1);
      const mail = sink.messages[before];
      assert.deepEqual(mail.envelope.to, ['me@example.com']);
      assert.equal(mail.parsed.subject, 'Test for Linus');
    });

    it('answers the relay error when the relay refuses the message', async () => {
      const created = await createTemplate({
        slug: 'refused',
        name: 'n',
        subject: 's',
        html: '<p>x</p>',
      });
      sink.behaviour = () => ({ code: 550, message: 'mailbox unavailable' });
      try {
        const answer = await designer().post('/mailroom/test-send', {
          documentId: created.documentId,
          to: 'nobody@example.com',
        });
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        assert.equal(answer.body.data.status, 'bounced');
        assert.equal(answer.body.data.relay, 'primary');
        assert.equal(answer.body.data.error.code, 'ERECIPIENT');
      } finally {
        sink.behaviour = undefined;
      }
    });

    it('answers 400 for a recipient that is not an address', async () => {
      const created = await createTemplate({ slug: 'bad-to', name: 'n', subject: 's' });
      const answer = await designer().post('/mailroom/test-send', {
        documentId: created.documentId,
        to: 'not an address',
      });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error?.details.code, 'INVALID_ADDRESS');
    });

    for (const [why, to] of [
      ['a list', ['a@example.com', 'b@example.com']],
      ['a list of one', ['a@example.com']],
      ['an object', { address: 'a@example.com' }],
      ['a string naming two addresses', 'a@example.com, b@example.com'],
    ] as const) {
      it(`answers 400 INVALID_ADDRESS for ${why} and sends nothing`, async () => {
        const created = await createTemplate({
          slug: `many-to-${why.length}`,
          name: 'n',
          subject: 's',
        });
        const stored = await strapi.db.query('plugin::mailroom.message').count();
        const answer = await designer().post('/mailroom/test-send', {
          documentId: created.documentId,
          to,
        });
        assert.equal(answer.status, 400, JSON.stringify(answer.body));
        assert.equal(answer.body.error?.details.code, 'INVALID_ADDRESS');
        assert.equal(await strapi.db.query('plugin::mailroom.message').count(), stored);
      });
    }

    it('answers 429 once the admin has used up the send limit', async () => {
      const created = await createTemplate({
        slug: 'rate-limited',
        name: 'n',
        subject: 's',
        html: '<p>x</p>',
      });
      let answer: Answer | undefined;
      for (let attempt = 0; attempt <= TEST_SEND_LIMIT; attempt += 1) {
        answer = await designer().post('/mailroom/test-send', {
          documentId: created.documentId,
          to: 'limit@example.com',
        });
        if (answer.status !== 200) break;
      }
      assert.equal(answer?.status, 429, JSON.stringify(answer?.body));
      assert.equal(answer?.body.error?.details.code, 'RATE_LIMITED');
      assert.equal(answer?.body.error?.details.key.startsWith('test-send:'), true);
    });
  });

  describe('image upload', () => {
    it('stores an image in the media library and answers its URL', async () => {
      const form = new FormData();
      form.append('files', new Blob([PNG], { type: 'image/png' }), 'pixel.png');
      const answer = await api('POST', '/mailroom/uploads', { token: designerToken, form });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      const { url } = answer.body.data;
      assert.match(url, /^\/uploads\/.+\.png$/);
      assert.ok(existsSync(path.join(PLAYGROUND, 'public', url)), `${url} exists on disk`);

      const file = await strapi.db.query('plugin::upload.file').findOne({ where: { url } });
      assert.ok(file);
      uploadedIds.push(file.id);
    });

    for (const [why, content, type, name] of [
      ['a text file', 'just text', 'text/plain', 'notes.txt'],
      [
        'an SVG, which can carry scripts',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        'image/svg+xml',
        'logo.svg',
      ],
      ['HTML labelled image/png', '<html><script>alert(1)</script></html>', 'image/png', 'x.png'],
      ['a PNG labelled image/jpeg', PNG, 'image/jpeg', 'pixel.jpg'],
      ['an empty file labelled image/gif', '', 'image/gif', 'empty.gif'],
      ['a type named like an object property', PNG, 'constructor', 'pixel.png'],
    ] as const) {
      it(`refuses ${why}`, async () => {
        const form = new FormData();
        form.append('files', new Blob([content], { type }), name);
        const stored = await strapi.db.query('plugin::upload.file').count();
        const answer = await api('POST', '/mailroom/uploads', { token: designerToken, form });
        assert.equal(answer.status, 400, JSON.stringify(answer.body));
        assert.equal(answer.body.error?.details.code, 'NOT_AN_IMAGE');
        assert.deepEqual(answer.body.error?.details.accepted, [
          'image/png',
          'image/jpeg',
          'image/gif',
          'image/webp',
        ]);
        assert.equal(await strapi.db.query('plugin::upload.file').count(), stored);
      });
    }
  });

  describe('editor config validation', () => {
    for (const [scriptUrl, valid] of [
      ['https://cdn.example.com/embed.js', true],
      ['/unlayer/embed.js', true],
      ['ftp://example.com/embed.js', false],
      ['//example.com/embed.js', false],
      ['embed.js', false],
    ] as const) {
      it(`${valid ? 'accepts' : 'refuses'} editor.scriptUrl '${scriptUrl}'`, () => {
        const check = () => validateConfig({ editor: { scriptUrl } });
        if (valid) assert.equal(check().editor.scriptUrl, scriptUrl);
        else assert.throws(check, (error: MailroomConfigError) => error.key === 'editor.scriptUrl');
      });
    }
  });

  it('never answers a relay credential', () => {
    for (const text of answers) assert.ok(!text.includes(RELAY_PASSWORD));
    assert.ok(answers.length > 50);
  });
});
