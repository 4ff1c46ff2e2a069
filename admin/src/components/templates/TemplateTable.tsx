import { useState } from 'react';
import {
  Badge,
  EmptyStateLayout,
  Flex,
  IconButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Download, Duplicate, Pencil, Trash } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';

import type { ExportFile, Template, TemplateSummary } from '../../types';
import { toApiError } from '../../utils/api-error';
import { downloadJson } from '../../utils/download';
import { useT } from '../../utils/useT';
import { ConfirmationDialog } from '../ConfirmationDialog';

interface TemplateTableProps {
  templates: TemplateSummary[];
  permissions: { canDesign: boolean; canDelete: boolean };
  onDuplicate: (documentId: string) => Promise<Template>;
  onDelete: (documentId: string) => Promise<void>;
  onExport: (documentId: string) => Promise<ExportFile>;
}

/** The templates, one row each, with the actions the admin is allowed. */
export const TemplateTable = ({
  templates,
  permissions,
  onDuplicate,
  onDelete,
  onExport,
}: TemplateTableProps) => {
  const t = useT();
  const { formatDate } = useIntl();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const [toDelete, setToDelete] = useState<TemplateSummary | null>(null);

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      toggleNotification({ type: 'danger', message: toApiError(error).message });
    }
  };

  const open = (template: TemplateSummary) =>
    navigate(`templates/${template.documentId}?locale=${template.locale}`);

  if (templates.length === 0) {
    return (
      <EmptyStateLayout
        content={t('templates.empty', 'No template yet, or none matches the search.')}
      />
    );
  }

  return (
    <>
      <Table colCount={6} rowCount={templates.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('templates.column.name', 'Name')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('templates.column.slug', 'Slug')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('templates.column.subject', 'Subject')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('templates.column.locales', 'Locales')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('templates.column.updated', 'Updated')}</Typography>
            </Th>
            <Th>
              <VisuallyHidden>{t('templates.column.actions', 'Actions')}</VisuallyHidden>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {templates.map((template) => (
            <Tr
              key={`${template.documentId}-${template.locale}`}
              data-testid={`template-row-${template.slug}`}
              onClick={() => open(template)}
              style={{ cursor: 'pointer' }}
            >
              <Td>
                <Typography fontWeight="bold">{template.name}</Typography>
              </Td>
              <Td>
                <Typography textColor="neutral600">{template.slug}</Typography>
              </Td>
              <Td>
                <Typography ellipsis>{template.subject}</Typography>
              </Td>
              <Td>
                <Flex gap={1}>
                  {template.locales.map((code) => (
                    <Badge key={code} active={code === template.locale}>
                      {code}
                    </Badge>
                  ))}
                </Flex>
              </Td>
              <Td>
                <Typography textColor="neutral600">
                  {formatDate(template.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </Typography>
              </Td>
              <Td onClick={(event: React.MouseEvent) => event.stopPropagation()}>
                <Flex gap={1} justifyContent="flex-end">
                  <IconButton
                    label={t('templates.action.edit', 'Edit {name}', { name: template.name })}
                    variant="ghost"
                    onClick={() => open(template)}
                  >
                    <Pencil />
                  </IconButton>
                  {permissions.canDesign && (
                    <IconButton
                      label={t('templates.action.duplicate', 'Duplicate {name}', {
                        name: template.name,
                      })}
                      variant="ghost"
                      onClick={() =>
                        run(async () => {
                          const copy = await onDuplicate(template.documentId);
                          toggleNotification({
                            type: 'success',
                            message: t('templates.duplicated', 'Duplicated as {slug}.', {
                              slug: copy.slug,
                            }),
                          });
                        })
                      }
                    >
                      <Duplicate />
                    </IconButton>
                  )}
                  <IconButton
                    label={t('templates.action.export', 'Export {name}', { name: template.name })}
                    variant="ghost"
                    onClick={() =>
                      run(async () =>
                        downloadJson(
                          `mailroom-${template.slug}.json`,
                          await onExport(template.documentId)
                        )
                      )
                    }
                  >
                    <Download />
                  </IconButton>
                  {permissions.canDelete && (
                    <IconButton
                      label={t('templates.action.delete', 'Delete {name}', {
                        name: template.name,
                      })}
                      variant="ghost"
                      onClick={() => setToDelete(template)}
                    >
                      <Trash />
                    </IconButton>
                  )}
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <ConfirmationDialog
        open={toDelete !== null}
        title={t('templates.delete.title', 'Delete this template?')}
        confirmLabel={t('templates.delete.confirm', 'Delete')}
        onClose={() => setToDelete(null)}
        onConfirm={() => {
          const template = toDelete;
          setToDelete(null);
          if (template) void run(() => onDelete(template.documentId));
        }}
      >
        {t(
          'templates.delete.body',
          '“{name}” will be deleted in every locale, with its history. Code that sends “{slug}” will fail.',
          { name: toDelete?.name, slug: toDelete?.slug }
        )}
      </ConfirmationDialog>
    </>
  );
};
