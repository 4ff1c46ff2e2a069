import { Box, Typography } from '@strapi/design-system';

import type { TestSendResult } from '../../types';
import { useT } from '../../utils/useT';

type Tone = 'success100' | 'danger100' | 'warning100' | 'neutral100';

const PENDING = ['queued', 'sending'];

/**
 * What became of a test send. The relay's error is shown whenever there is one, even when the
 * message is still queued: a first attempt that failed is retried later, and the designer should
 * not wait for the retry to learn why.
 */
export const TestSendOutcome = ({ result }: { result: TestSendResult }) => {
  const t = useT();
  const { status, error } = result;

  const describe = (): { tone: Tone; text: string } => {
    if (error) {
      const values = { code: error.code, message: error.message, id: result.id };
      if (PENDING.includes(status)) {
        return {
          tone: 'warning100',
          text: t(
            'testSend.retrying',
            'The first attempt failed ({code}): {message}. It stays queued as {id} and will be retried.',
            values
          ),
        };
      }
      if (status === 'bounced') {
        return {
          tone: 'danger100',
          text: t(
            'testSend.bounced.error',
            'Bounced ({code}): {message}. The recipient’s server refused the message; it will not be retried.',
            values
          ),
        };
      }
      if (status === 'suppressed') {
        return {
          tone: 'warning100',
          text: t(
            'testSend.suppressed.error',
            'Not sent ({code}): {message}. The address is on the suppression list.',
            values
          ),
        };
      }
      return {
        tone: 'danger100',
        text: t('testSend.failed', 'Not sent ({code}): {message}', values),
      };
    }
    if (status === 'sent') {
      return {
        tone: 'success100',
        text: t('testSend.sent', 'Accepted by relay “{relay}”: {response}', {
          relay: result.relay ?? '?',
          response: result.response ?? '',
        }),
      };
    }
    if (status === 'bounced') {
      return {
        tone: 'danger100',
        text: t(
          'testSend.bounced',
          'Bounced: the recipient’s server refused the message; it will not be retried.'
        ),
      };
    }
    if (status === 'suppressed') {
      return {
        tone: 'warning100',
        text: t(
          'testSend.suppressed',
          'Not sent: the address is on the suppression list because earlier messages to it bounced or were reported as spam.'
        ),
      };
    }
    if (status === 'failed') {
      return {
        tone: 'danger100',
        text: t('testSend.failed.noReason', 'Not sent; the relay gave no reason.'),
      };
    }
    return {
      tone: 'neutral100',
      text: t('testSend.pending', 'Still {status} after waiting; it is in the queue as {id}.', {
        status,
        id: result.id,
      }),
    };
  };

  const { tone, text } = describe();

  return (
    <Box
      role="status"
      data-testid="test-send-result"
      data-status={status}
      data-error-code={error?.code}
      padding={4}
      hasRadius
      background={tone}
    >
      <Typography>{text}</Typography>
    </Box>
  );
};
