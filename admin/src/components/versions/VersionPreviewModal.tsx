import { useEffect, useState } from 'react';
import { Box, Button, Modal, Typography } from '@strapi/design-system';

import { usePreview } from '../../hooks/usePreview';
import type { Version } from '../../types';
import { useT } from '../../utils/useT';
import { HtmlFrame } from '../editor/HtmlFrame';

interface VersionPreviewModalProps {
  version: Version | null;
  locale: string;
  onClose: () => void;
}

/** One saved version rendered with its own sample data, as it would have been sent. */
export const VersionPreviewModal = ({ version, locale, onClose }: VersionPreviewModalProps) => {
  const t = useT();
  const { result, error, render } = usePreview();
  const [renderedId, setRenderedId] = useState<Version['id'] | null>(null);

  useEffect(() => {
    if (!version || version.id === renderedId) return;
    setRenderedId(version.id);
    const { snapshot } = version;
    void render({
      locale,
      template: {
        subject: snapshot.subject ?? '',
        html: snapshot.html ?? null,
        text: snapshot.text ?? null,
        preheader: snapshot.preheader ?? null,
        editor: snapshot.editor ?? 'html',
        mjml: snapshot.mjml ?? null,
      },
      data: snapshot.sampleData ?? undefined,
    });
  }, [version, renderedId, locale, render]);

  return (
    <Modal.Root open={version !== null} onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content style={{ maxWidth: '90rem', width: '90vw' }}>
        <Modal.Header>
          <Modal.Title>{t('versions.preview.title', 'Saved version')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {error && <Typography textColor="danger700">{error.message}</Typography>}
          {result && (
            <Box data-testid="version-preview">
              <Typography tag="p" variant="epsilon" paddingBottom={3}>
                {result.subject}
              </Typography>
              <HtmlFrame title={t('versions.preview.frame', 'Saved version')} html={result.html} />
            </Box>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('common.close', 'Close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
