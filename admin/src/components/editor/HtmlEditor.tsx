import { Grid } from '@strapi/design-system';

import { useT } from '../../utils/useT';
import { CodeArea } from './CodeArea';
import { HtmlFrame } from './HtmlFrame';

interface HtmlEditorProps {
  value: string;
  readOnly: boolean;
  onChange: (html: string) => void;
}

/** HTML source on the left, how it looks on the right (variables shown as written). */
export const HtmlEditor = ({ value, readOnly, onChange }: HtmlEditorProps) => {
  const t = useT();

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <CodeArea
          label={t('editor.html.label', 'HTML source')}
          value={value}
          readOnly={readOnly}
          onChange={onChange}
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <HtmlFrame title={t('editor.html.preview', 'HTML as written')} html={value} />
      </Grid.Item>
    </Grid.Root>
  );
};
