import { useRef } from 'react';
import { Box } from '@strapi/design-system';
import { styled } from 'styled-components';

interface CodeAreaProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
  readOnly?: boolean;
  /** Lines to mark, 1-based, such as the lines MJML reports errors on. */
  errorLines?: number[];
  minHeight?: string;
}

const Frame = styled(Box)`
  display: flex;
  overflow: hidden;
  font-family: 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
  font-size: 1.3rem;
  line-height: 2rem;
`;

const Gutter = styled.pre`
  margin: 0;
  padding: 0.8rem 0.8rem 0.8rem 1.2rem;
  overflow: hidden;
  text-align: right;
  user-select: none;
  color: ${({ theme }) => theme.colors.neutral500};
  background: ${({ theme }) => theme.colors.neutral100};
  font: inherit;
`;

const Editor = styled.textarea`
  flex: 1;
  margin: 0;
  padding: 0.8rem 1.2rem;
  border: 0;
  resize: vertical;
  white-space: pre;
  overflow: auto;
  font: inherit;
  color: ${({ theme }) => theme.colors.neutral800};
  background: ${({ theme }) => theme.colors.neutral0};
  tab-size: 2;

  &:focus {
    outline: none;
  }
`;

/** A monospace code field with line numbers; enough for HTML and MJML without an IDE. */
export const CodeArea = ({
  value,
  onChange,
  label,
  readOnly,
  errorLines = [],
  minHeight = '48rem',
}: CodeAreaProps) => {
  const gutter = useRef<HTMLPreElement>(null);
  const lineCount = value.split('\n').length;
  const marked = new Set(errorLines);

  return (
    <Frame hasRadius borderColor="neutral200" background="neutral0">
      <Gutter ref={gutter} aria-hidden>
        {Array.from({ length: lineCount }, (_, index) =>
          marked.has(index + 1) ? (
            <span key={index} style={{ color: '#d02b20', fontWeight: 700 }}>
              {`${index + 1}\n`}
            </span>
          ) : (
            `${index + 1}\n`
          )
        )}
      </Gutter>
      <Editor
        aria-label={label}
        value={value}
        readOnly={readOnly}
        spellCheck={false}
        style={{ minHeight }}
        onChange={(event) => onChange(event.target.value)}
        onScroll={(event) => {
          // Keep the numbers beside the lines they number.
          if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
        }}
      />
    </Frame>
  );
};
