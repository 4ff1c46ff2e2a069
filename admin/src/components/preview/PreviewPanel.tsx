import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';

import { usePreview, type PreviewRequest } from '../../hooks/usePreview';
import { useT } from '../../utils/useT';
import { HtmlFrame } from '../editor/HtmlFrame';
import { PreviewWarnings } from './PreviewWarnings';

interface PreviewPanelProps {
  request: PreviewRequest;
}

const WIDTHS = { desktop: '72rem', mobile: '37.5rem' } as const;

/** The email as the server renders it for sending, at desktop or phone width. */
export const PreviewPanel = ({ request }: PreviewPanelProps) => {
  const t = useT();
  const { result, isLoading, error, render } = usePreview();
  const [device, setDevice] = useState<keyof typeof WIDTHS>('desktop');
  const requestKey = JSON.stringify(request);

  // Render again whenever what would be sent changes, once edits pause.
  useEffect(() => {
    const timer = setTimeout(() => void render(JSON.parse(requestKey) as PreviewRequest), 400);
    return () => clearTimeout(timer);
  }, [requestKey, render]);

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="preview-panel">
      <Flex justifyContent="space-between" gap={2}>
        <Typography variant="delta" tag="h2">
          {t('preview.title', 'Preview')}
        </Typography>
        <Flex gap={2}>
          <SingleSelect
            aria-label={t('preview.device', 'Width')}
            size="S"
            value={device}
            onChange={(next: string | number) => setDevice(next as keyof typeof WIDTHS)}
          >
            <SingleSelectOption value="desktop">
              {t('preview.desktop', 'Desktop')}
            </SingleSelectOption>
            <SingleSelectOption value="mobile">{t('preview.mobile', 'Mobile')}</SingleSelectOption>
          </SingleSelect>
          <Button
            variant="secondary"
            size="S"
            startIcon={<ArrowClockwise />}
            loading={isLoading}
            onClick={() => void render(request)}
          >
            {t('preview.refresh', 'Render again')}
          </Button>
        </Flex>
      </Flex>
      {error && (
        <Box padding={4} hasRadius background="danger100" role="alert">
          <Typography textColor="danger700">
            {error.code ? `${error.code}: ${error.message}` : error.message}
          </Typography>
        </Box>
      )}
      {result && (
        <>
          <Box>
            <Typography variant="sigma" textColor="neutral600" tag="p" paddingBottom={1}>
              {t('preview.subject', 'Subject')}
            </Typography>
            <Typography tag="p" variant="epsilon" data-testid="preview-subject">
              {result.subject}
            </Typography>
          </Box>
          <Box>
            <Typography variant="sigma" textColor="neutral600" tag="p" paddingBottom={1}>
              {t('preview.warnings', 'Warnings')}
            </Typography>
            <PreviewWarnings warnings={result.warnings} />
          </Box>
          <Box background="neutral100" padding={4} hasRadius>
            <HtmlFrame
              title={t('preview.frame', 'Rendered email')}
              html={result.html}
              width={WIDTHS[device]}
              height="64rem"
            />
          </Box>
          <Box>
            <Typography variant="sigma" textColor="neutral600" tag="p" paddingBottom={1}>
              {t('preview.text', 'Text version')}
            </Typography>
            <Box
              tag="pre"
              padding={4}
              hasRadius
              background="neutral100"
              data-testid="preview-text"
              style={{ whiteSpace: 'pre-wrap', fontFamily: 'monospace', margin: 0 }}
            >
              {result.text}
            </Box>
          </Box>
        </>
      )}
    </Flex>
  );
};
