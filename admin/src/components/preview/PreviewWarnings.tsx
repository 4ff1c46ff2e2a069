import { Badge, Box, Flex, Typography } from '@strapi/design-system';

import type { PreviewWarning } from '../../types';
import { useT } from '../../utils/useT';

/** What may go wrong in inboxes: missing variables, clipped HTML, images without alt, base64. */
export const PreviewWarnings = ({ warnings }: { warnings: PreviewWarning[] }) => {
  const t = useT();

  if (warnings.length === 0) {
    return (
      <Typography textColor="success600" data-testid="preview-no-warnings">
        {t('preview.warnings.none', 'No warning: variables are all set and the HTML looks safe.')}
      </Typography>
    );
  }

  const labels: Record<string, string> = {
    MISSING_VARIABLE: t('preview.warning.MISSING_VARIABLE', 'Missing variable'),
    HTML_TOO_LARGE: t('preview.warning.HTML_TOO_LARGE', 'Over 102 KB: Gmail clips it'),
    IMAGE_WITHOUT_ALT: t('preview.warning.IMAGE_WITHOUT_ALT', 'Image without alt text'),
    BASE64_IMAGE: t('preview.warning.BASE64_IMAGE', 'Image embedded as base64'),
  };

  return (
    <Box tag="ul" data-testid="preview-warnings">
      {warnings.map((warning, index) => (
        <Box tag="li" key={index} paddingBottom={2} data-code={warning.code}>
          <Flex gap={2} alignItems="flex-start">
            <Badge backgroundColor="warning100" textColor="warning700">
              {labels[warning.code] ?? warning.code}
            </Badge>
            <Typography>{warning.message}</Typography>
          </Flex>
        </Box>
      ))}
    </Box>
  );
};
