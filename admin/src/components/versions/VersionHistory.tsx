import { useState } from 'react';
import {
  Button,
  EmptyStateLayout,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, Eye } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { useVersions } from '../../hooks/useVersions';
import type { Template, Version, VersionSummary } from '../../types';
import { toApiError } from '../../utils/api-error';
import { useT } from '../../utils/useT';
import { ConfirmationDialog } from '../ConfirmationDialog';
import { VersionPreviewModal } from './VersionPreviewModal';

interface VersionHistoryProps {
  documentId: string;
  locale: string;
  /** Changes on every save, so the list picks up the version that save stored. */
  refreshKey: string;
  canRestore: boolean;
  onRestored: (template: Template) => void;
}

/** Every saved state of this locale, newest first, to look at or go back to. */
export const VersionHistory = ({
  documentId,
  locale,
  refreshKey,
  canRestore,
  onRestored,
}: VersionHistoryProps) => {
  const t = useT();
  const { formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const { versions, isLoading, getVersion, restore } = useVersions(documentId, locale, refreshKey);
  const [previewed, setPreviewed] = useState<Version | null>(null);
  const [toRestore, setToRestore] = useState<VersionSummary | null>(null);

  const openPreview = async (summary: VersionSummary) => {
    try {
      setPreviewed(await getVersion(summary.id));
    } catch (error) {
      toggleNotification({ type: 'danger', message: toApiError(error).message });
    }
  };

  const confirmRestore = async () => {
    const version = toRestore;
    setToRestore(null);
    if (!version) return;
    try {
      onRestored(await restore(version.id));
      toggleNotification({
        type: 'success',
        message: t('versions.restored', 'Restored the version of {date}.', {
          date: formatDate(version.createdAt, { dateStyle: 'medium', timeStyle: 'medium' }),
        }),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: toApiError(error).message });
    }
  };

  if (!isLoading && versions.length === 0) {
    return <EmptyStateLayout content={t('versions.empty', 'No saved version yet.')} />;
  }

  return (
    <>
      <Table colCount={5} rowCount={versions.length + 1} data-testid="versions">
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('versions.column.date', 'Saved')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('versions.column.by', 'By')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('versions.column.subject', 'Subject')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('versions.column.editor', 'Mode')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('versions.column.actions', 'Actions')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {versions.map((version, index) => (
            <Tr key={version.id} data-testid="version-row">
              <Td>
                <Typography>
                  {formatDate(version.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}
                  {index === 0 ? ` · ${t('versions.current', 'current')}` : ''}
                </Typography>
              </Td>
              <Td>
                <Typography>{version.createdByName ?? '—'}</Typography>
              </Td>
              <Td>
                <Typography ellipsis>{version.subject}</Typography>
              </Td>
              <Td>
                <Typography>{version.editor}</Typography>
              </Td>
              <Td>
                <Flex gap={2}>
                  <Button
                    size="S"
                    variant="tertiary"
                    startIcon={<Eye />}
                    onClick={() => void openPreview(version)}
                  >
                    {t('versions.preview', 'Preview')}
                  </Button>
                  {canRestore && index > 0 && (
                    <Button
                      size="S"
                      variant="secondary"
                      startIcon={<ArrowClockwise />}
                      onClick={() => setToRestore(version)}
                    >
                      {t('versions.restore', 'Restore')}
                    </Button>
                  )}
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <VersionPreviewModal version={previewed} locale={locale} onClose={() => setPreviewed(null)} />
      <ConfirmationDialog
        open={toRestore !== null}
        title={t('versions.restore.title', 'Restore this version?')}
        confirmLabel={t('versions.restore.confirm', 'Restore')}
        variant="default"
        onClose={() => setToRestore(null)}
        onConfirm={() => void confirmRestore()}
      >
        {t(
          'versions.restore.body',
          'The current content is replaced by this version. Unsaved changes are lost; the current content stays in the history.'
        )}
      </ConfirmationDialog>
    </>
  );
};
