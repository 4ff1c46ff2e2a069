import { useRef } from 'react';
import { Button, Flex } from '@strapi/design-system';
import { Download, Upload } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';

import type { ExportFile } from '../../types';
import { toApiError } from '../../utils/api-error';
import { downloadJson } from '../../utils/download';
import { useT } from '../../utils/useT';

interface TemplatesToolbarProps {
  canImport: boolean;
  onImport: (file: ExportFile) => Promise<{ created: number; updated: number }>;
  onExport: () => Promise<ExportFile>;
}

/** Import templates from a Mailroom export file, or export them all to one. */
export const TemplatesToolbar = ({ canImport, onImport, onExport }: TemplatesToolbarProps) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const input = useRef<HTMLInputElement>(null);

  const importChosenFile = async (file: File) => {
    try {
      const parsed = JSON.parse(await file.text()) as ExportFile;
      const { created, updated } = await onImport(parsed);
      toggleNotification({
        type: 'success',
        message: t('templates.import.done', 'Imported: {created} created, {updated} updated.', {
          created,
          updated,
        }),
      });
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message:
          error instanceof SyntaxError
            ? t('templates.import.notJson', 'This file is not JSON: {message}', {
                message: error.message,
              })
            : toApiError(error).message,
      });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const exportAll = async () => {
    try {
      const file = await onExport();
      downloadJson(`mailroom-templates-${file.exportedAt.slice(0, 10)}.json`, file);
    } catch (error) {
      toggleNotification({ type: 'danger', message: toApiError(error).message });
    }
  };

  return (
    <Flex gap={2}>
      {canImport && (
        <>
          <input
            ref={input}
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="import-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void importChosenFile(file);
            }}
          />
          <Button variant="secondary" startIcon={<Upload />} onClick={() => input.current?.click()}>
            {t('templates.import', 'Import')}
          </Button>
        </>
      )}
      <Button variant="secondary" startIcon={<Download />} onClick={exportAll}>
        {t('templates.exportAll', 'Export all')}
      </Button>
    </Flex>
  );
};
