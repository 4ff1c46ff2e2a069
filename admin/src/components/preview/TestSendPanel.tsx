import { useState } from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { PaperPlane } from '@strapi/icons';

import { useTestSend } from '../../hooks/useTestSend';
import type { SampleData } from '../../types';
import { useT } from '../../utils/useT';
import { TestSendOutcome } from './TestSendOutcome';

interface TestSendPanelProps {
  documentId: string;
  locale: string;
  data: SampleData | null;
  hasUnsavedChanges: boolean;
}

/** Sends the saved template to one address through the real relays and says what happened. */
export const TestSendPanel = ({
  documentId,
  locale,
  data,
  hasUnsavedChanges,
}: TestSendPanelProps) => {
  const t = useT();
  const [to, setTo] = useState('');
  const { result, error, isSending, send } = useTestSend();

  return (
    <Flex
      tag="form"
      direction="column"
      alignItems="stretch"
      gap={3}
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        void send({ documentId, locale, to, data: data ?? undefined });
      }}
    >
      <Typography variant="delta" tag="h2">
        {t('testSend.title', 'Send a test')}
      </Typography>
      <Field.Root
        name="testSendTo"
        hint={
          hasUnsavedChanges
            ? t(
                'testSend.unsaved',
                'The saved version is sent: save first to include your changes.'
              )
            : t('testSend.hint', 'Sent with the preview data, through the configured relays.')
        }
      >
        <Field.Label>{t('testSend.to', 'Recipient')}</Field.Label>
        <TextInput
          type="email"
          required
          placeholder="you@example.com"
          value={to}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTo(event.target.value)}
        />
        <Field.Hint />
      </Field.Root>
      <Button type="submit" startIcon={<PaperPlane />} loading={isSending}>
        {t('testSend.submit', 'Send test')}
      </Button>
      {result && <TestSendOutcome result={result} />}
      {error && (
        <Box
          role="alert"
          data-testid="test-send-error"
          padding={4}
          hasRadius
          background="danger100"
        >
          <Typography textColor="danger700">
            {error.code ? `${error.code}: ${error.message}` : error.message}
          </Typography>
        </Box>
      )}
    </Flex>
  );
};
