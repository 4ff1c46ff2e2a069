import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';

import { SmtpSink } from '../helpers/smtp-sink';
import { AdminApi } from './support/admin-api';
import { launchBrowser, logIn, screenshot } from './support/browser';
import { startPlayground, type Playground } from './support/playground-process';
import { startStandInServer } from './support/stand-in-server';

const ADMIN = { email: 'admin@mailroom.test', password: 'Mailroom-demo-1' };
const VIEWER = { email: 'viewer@mailroom.test', password: 'Viewer-pass-1' };
const SUBJECT = 'Your order {{order.number}}, {{name}}';
const SAMPLE_DATA = { name: 'Ada', order: { number: 'A-42' } };
// A 1×1 PNG, enough for the media library to accept it as an image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);

interface StoredTemplate {
  editor: string;
  subject: string;
  html: string;
  design: { standIn?: string; body?: { text: string; images: string[] } } | null;
}

describe('the email designer in the admin', { timeout: 600_000 }, () => {
  let sink: SmtpSink;
  let standIn: Awaited<ReturnType<typeof startStandInServer>>;
  let playground: Playground | undefined;
  let browser: Browser;
  let page: Page;
  let api: AdminApi;
  let dataDir: string;
  let documentId = '';

  const baseEnv = () => ({
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dataDir, 'data.db'),
    SEED_DEMO: 'true',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
  });

  const stored = async () =>
    (
      await api.request<{ data: StoredTemplate }>(
        'GET',
        `/mailroom/templates/${documentId}?locale=en`
      )
    ).data;

  const openEditor = async (target: Page, base: string, id: string) => {
    await target.goto(`${base}/admin/plugins/mailroom/templates/${id}?locale=en`);
    await target.getByRole('tab', { name: 'Content', exact: true }).waitFor();
  };

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mailroom-e2e-'));
    sink = await new SmtpSink().start();
    standIn = await startStandInServer();
    playground = await startPlayground({
      ...baseEnv(),
      MAILROOM_EDITOR_SCRIPT_URL: standIn.scriptUrl,
      MAILROOM_EDITOR_ORIGIN: standIn.origin,
    });
    api = await AdminApi.logIn(playground.url, ADMIN.email, ADMIN.password);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(20_000);
    await logIn(page, playground.url, ADMIN.email, ADMIN.password);
  });

  after(async () => {
    await browser?.close();
    await playground?.stop();
    await standIn?.stop();
    await sink?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the templates under the Mailroom menu entry', async () => {
    await page.getByRole('link', { name: 'Mailroom' }).click();
    await page.getByRole('heading', { name: 'Email templates' }).waitFor();
    await page.getByTestId('template-row-welcome').waitFor();
    await page.getByTestId('template-row-password-reset').waitFor();
    await screenshot(page, 'templates-list');
  });

  it('creates a template, designs it with merge tags and an uploaded image, and saves both halves', async () => {
    await page.getByRole('button', { name: 'Create a template' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Order shipped');
    await dialog.getByRole('textbox', { name: 'Subject', exact: true }).fill(SUBJECT);
    assert.equal(
      await dialog.getByRole('textbox', { name: 'Slug', exact: true }).inputValue(),
      'order-shipped'
    );
    await screenshot(page, 'create-template');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();

    await page.waitForURL(/\/plugins\/mailroom\/templates\/[^/?]+\?locale=en/);
    documentId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('unlayer-stand-in').waitFor();

    await page.getByLabel('Sample data (JSON)').fill(JSON.stringify(SAMPLE_DATA));
    // Nested sample data becomes a group in the designer's merge tags.
    await page.locator('[data-merge-tag="{{order.number}}"]').waitFor();
    await page.getByTestId('stand-in-body').fill('Hello ');
    await page.locator('[data-merge-tag="{{name}}"]').click();
    await page.getByTestId('stand-in-body').press('End');
    await page.getByTestId('stand-in-body').type(', your order ');
    await page.locator('[data-merge-tag="{{order.number}}"]').click();
    await page.getByTestId('stand-in-body').type(' has shipped.');
    await page
      .getByTestId('stand-in-image')
      .setInputFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('stand-in-image-url').waitFor();
    await screenshot(page, 'editor-designer');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();

    const template = await stored();
    assert.equal(template.editor, 'designer');
    assert.equal(template.design?.standIn, 'unlayer-stand-in');
    assert.match(
      template.design?.body?.text ?? '',
      /Hello \{\{name\}\}, your order \{\{order\.number\}\} has shipped\./
    );
    assert.match(
      template.html,
      /Hello \{\{name\}\}, your order \{\{order\.number\}\} has shipped\./
    );
    const [imageUrl] = template.design?.body?.images ?? [];
    assert.match(imageUrl, /\/uploads\/.+\.png$/);
    assert.ok(template.html.includes(imageUrl), 'the exported HTML links the uploaded image');
    assert.ok(!template.html.includes('data:image'), 'no image is embedded as base64');
  });

  it('previews the email with its sample data at desktop and mobile widths', async () => {
    await page.getByRole('tab', { name: 'Preview and test' }).click();
    const subject = page.getByTestId('preview-subject');
    await subject.waitFor();
    assert.equal(await subject.textContent(), 'Your order A-42, Ada');
    assert.match(
      (await page.getByTestId('preview-text').textContent()) ?? '',
      /Hello Ada, your order A-42 has shipped\./
    );
    const frame = page.frameLocator('iframe[title="Rendered email"]');
    await frame.getByText('Hello Ada, your order A-42 has shipped.').waitFor();
    await page.getByRole('combobox', { name: 'Width' }).click();
    await page.getByRole('option', { name: 'Mobile' }).click();
    const width = await page
      .locator('iframe[title="Rendered email"]')
      .evaluate((element) => element.getBoundingClientRect().width);
    assert.ok(width <= 380, `the mobile preview is phone-wide, got ${width}px`);
    await screenshot(page, 'preview');
  });

  it('sends a test that the SMTP relay receives, and says which relay accepted it', async () => {
    await page.getByLabel('Recipient').fill('qa@example.com');
    await page.getByRole('button', { name: 'Send test' }).click();
    const result = page.getByTestId('test-send-result');
    await result.waitFor({ timeout: 30_000 });
    assert.equal(await result.getAttribute('data-status'), 'sent');
    assert.match((await result.textContent()) ?? '', /primary/);

    await sink.waitFor(1);
    const [mail] = sink.messages;
    assert.deepEqual(mail.envelope.to, ['qa@example.com']);
    assert.equal(mail.parsed.subject, 'Your order A-42, Ada');
    assert.match(String(mail.parsed.html), /Hello Ada, your order A-42 has shipped\./);
    await screenshot(page, 'test-send');
  });

  it('restores an earlier version after confirmation', async () => {
    await page.getByRole('tab', { name: 'Content', exact: true }).click();
    await page.getByRole('textbox', { name: 'Subject', exact: true }).fill('A subject to undo');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').first().waitFor();
    assert.equal((await stored()).subject, 'A subject to undo');

    await page.getByRole('tab', { name: 'History' }).click();
    const earlier = page.getByTestId('version-row').filter({ hasText: 'Your order' }).first();
    await earlier.waitFor();
    await screenshot(page, 'history');
    await earlier.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('version-preview').waitFor();
    await page.getByRole('button', { name: 'Close' }).first().click();

    await earlier.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore' }).click();
    await page.getByText(/Restored the version of/).waitFor();

    assert.equal((await stored()).subject, SUBJECT);
    await page.getByRole('tab', { name: 'Content', exact: true }).click();
    assert.equal(
      await page.getByRole('textbox', { name: 'Subject', exact: true }).inputValue(),
      SUBJECT
    );
  });

  it('compiles MJML in the browser and points at the lines with errors', async () => {
    await page.getByRole('tab', { name: 'MJML code' }).click();
    const source = page.getByLabel('MJML source');
    await source.waitFor();
    await page.frameLocator('iframe[title="Compiled MJML"]').getByText('Hello {{name}}').waitFor();
    await source.fill(
      [
        '<mjml>',
        '  <mj-body>',
        '    <mj-section>',
        '      <mj-text>Outside of any column</mj-text>',
        '    </mj-section>',
        '  </mj-body>',
        '</mjml>',
      ].join('\n')
    );
    const errors = page.getByTestId('mjml-errors');
    await errors.waitFor();
    assert.match((await errors.textContent()) ?? '', /Line 4: /);
    await screenshot(page, 'mjml-errors');
  });

  it('hides design, delete and test-send from a read-only admin, whose requests get 403', async () => {
    await api.createUserWithActions(VIEWER.email, VIEWER.password, [
      'plugin::mailroom.templates.read',
    ]);
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const viewer = await context.newPage();
    viewer.setDefaultTimeout(20_000);
    try {
      await logIn(viewer, playground!.url, VIEWER.email, VIEWER.password);
      await viewer.goto(`${playground!.url}/admin/plugins/mailroom`);
      await viewer.getByTestId('template-row-welcome').waitFor();
      assert.equal(await viewer.getByRole('button', { name: 'Create a template' }).count(), 0);
      assert.equal(await viewer.getByRole('button', { name: /^Delete / }).count(), 0);
      assert.equal(await viewer.getByRole('button', { name: /^Duplicate / }).count(), 0);
      assert.equal(await viewer.getByRole('button', { name: 'Import' }).count(), 0);
      await screenshot(viewer, 'readonly-list');

      await openEditor(viewer, playground!.url, documentId);
      await viewer.getByTestId('unlayer-stand-in').waitFor();
      assert.equal(await viewer.getByRole('button', { name: 'Save', exact: true }).count(), 0);
      await viewer.getByRole('tab', { name: 'Preview and test' }).click();
      await viewer.getByTestId('preview-subject').waitFor();
      assert.equal(await viewer.getByRole('button', { name: 'Send test' }).count(), 0);
      await screenshot(viewer, 'readonly-editor');
    } finally {
      await context.close();
    }

    const viewerApi = await AdminApi.logIn(playground!.url, VIEWER.email, VIEWER.password);
    const denied = [
      await viewerApi.raw('PUT', `/mailroom/templates/${documentId}?locale=en`, {
        data: { subject: 'Not allowed' },
      }),
      await viewerApi.raw('DELETE', `/mailroom/templates/${documentId}`),
      await viewerApi.raw('POST', '/mailroom/test-send', {
        documentId,
        locale: 'en',
        to: 'qa@example.com',
      }),
    ];
    assert.deepEqual(
      denied.map((response) => response.status),
      [403, 403, 403]
    );
    assert.equal(
      (await viewerApi.raw('GET', `/mailroom/templates/${documentId}?locale=en`)).status,
      200
    );
    assert.equal((await stored()).subject, SUBJECT);
  });

  it('explains how to allow the designer when its script cannot load, and saves from code mode', async () => {
    await playground?.stop();
    playground = await startPlayground({
      ...baseEnv(),
      MAILROOM_EDITOR_SCRIPT_URL: 'http://127.0.0.1:9/embed.js',
      MAILROOM_EDITOR_ORIGIN: '127.0.0.1:9',
    });
    api = await AdminApi.logIn(playground.url, ADMIN.email, ADMIN.password);
    // A fresh context: the session of the first server would skip the login form.
    await page.context().close();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    page.setDefaultTimeout(20_000);
    await logIn(page, playground.url, ADMIN.email, ADMIN.password);
    await openEditor(page, playground.url, documentId);

    const notice = page.getByTestId('designer-unavailable');
    await notice.waitFor({ timeout: 30_000 });
    assert.equal(await notice.getAttribute('data-reason'), 'unreachable');
    const snippet = (await page.getByTestId('csp-snippet').textContent()) ?? '';
    assert.match(snippet, /'script-src': \["'self'", '127\.0\.0\.1:9'\]/);
    assert.match(snippet, /'frame-src': \["'self'", '127\.0\.0\.1:9'\]/);
    await screenshot(page, 'designer-unavailable');

    await page.getByRole('button', { name: 'Edit the HTML code' }).click();
    const source = page.getByLabel('HTML source');
    assert.match(await source.inputValue(), /has shipped\./);
    await source.fill('<p>Edited as code while offline, {{name}}.</p>');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await screenshot(page, 'code-fallback');

    const template = await stored();
    assert.equal(template.editor, 'html');
    assert.equal(template.html, '<p>Edited as code while offline, {{name}}.</p>');
  });
});
