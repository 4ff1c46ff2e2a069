import { Box } from '@strapi/design-system';

interface HtmlFrameProps {
  html: string;
  title: string;
  width?: string;
  height?: string;
}

/**
 * Shows an email's HTML in a sandboxed frame: no script in a template runs in the admin, and the
 * email's styles cannot leak into the page.
 */
export const HtmlFrame = ({ html, title, width = '100%', height = '48rem' }: HtmlFrameProps) => (
  <Box
    hasRadius
    borderColor="neutral200"
    background="neutral0"
    overflow="hidden"
    style={{ width, maxWidth: '100%', margin: '0 auto' }}
  >
    <iframe
      title={title}
      sandbox=""
      srcDoc={html}
      style={{ display: 'block', width: '100%', height, border: 0, background: '#fff' }}
    />
  </Box>
);
