import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise, Code } from '@strapi/icons';
import { styled } from 'styled-components';

import { cspSnippet, scriptOrigin } from '../../utils/csp-advice';
import { useT } from '../../utils/useT';
import type { DesignerFailure } from './unlayer';

interface DesignerUnavailableProps {
  scriptUrl: string;
  reason: DesignerFailure;
  timeoutSeconds: number;
  canEdit: boolean;
  onUseCode: (mode: 'html' | 'mjml') => void;
  onRetry: () => void;
}

const Snippet = styled.pre`
  margin: 0;
  padding: 1.2rem 1.6rem;
  overflow: auto;
  border-radius: 4px;
  background: ${({ theme }) => theme.colors.neutral800};
  color: ${({ theme }) => theme.colors.neutral0};
  font-family: 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
  font-size: 1.2rem;
  line-height: 1.8rem;
`;

/**
 * Said instead of the designer when its script cannot load: why, the exact Content Security
 * Policy that allows it, and a way to keep working in code.
 */
export const DesignerUnavailable = ({
  scriptUrl,
  reason,
  timeoutSeconds,
  canEdit,
  onUseCode,
  onRetry,
}: DesignerUnavailableProps) => {
  const t = useT();
  const origin = scriptOrigin(scriptUrl);

  const why = {
    csp: t(
      'designer.unavailable.csp',
      'The browser blocked the designer’s script at {url}: the Content Security Policy of this admin does not allow it.',
      { url: scriptUrl }
    ),
    unreachable: t(
      'designer.unavailable.unreachable',
      'The browser could not download the designer’s script from {url}. This computer may be offline, or a firewall or the Content Security Policy blocks it.',
      { url: scriptUrl }
    ),
    timeout: t(
      'designer.unavailable.timeout',
      'The designer’s script from {url} did not start within {seconds} seconds. This computer may be offline, or the Content Security Policy blocks it.',
      { url: scriptUrl, seconds: timeoutSeconds }
    ),
  }[reason];

  return (
    <Box
      role="alert"
      data-testid="designer-unavailable"
      data-reason={reason}
      padding={6}
      hasRadius
      background="warning100"
      borderColor="warning200"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {t('designer.unavailable.title', 'The drag-and-drop designer could not load')}
        </Typography>
        <Typography>{why}</Typography>
        <Typography>
          {t(
            'designer.unavailable.fix',
            'If this server may reach {origin}, allow it in config/middlewares.ts by replacing the ‘strapi::security’ entry with the one below, then restart Strapi:',
            { origin }
          )}
        </Typography>
        <Snippet data-testid="csp-snippet">{cspSnippet(origin)}</Snippet>
        <Typography>
          {canEdit
            ? t(
                'designer.unavailable.code',
                'Meanwhile you can keep editing this template as code. The HTML the designer last exported is kept.'
              )
            : t('designer.unavailable.readOnly', 'The content can still be seen in the preview.')}
        </Typography>
        <Flex gap={2} wrap="wrap">
          {canEdit && (
            <>
              <Button startIcon={<Code />} onClick={() => onUseCode('html')}>
                {t('designer.unavailable.useHtml', 'Edit the HTML code')}
              </Button>
              <Button variant="secondary" startIcon={<Code />} onClick={() => onUseCode('mjml')}>
                {t('designer.unavailable.useMjml', 'Write it in MJML')}
              </Button>
            </>
          )}
          <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={onRetry}>
            {t('designer.unavailable.retry', 'Try again')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};
