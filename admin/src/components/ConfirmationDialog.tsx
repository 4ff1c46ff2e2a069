import type { ReactNode } from 'react';
import { Button, Dialog } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';

import { useT } from '../utils/useT';

interface ConfirmationDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  variant?: 'danger' | 'default';
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before an action that loses or replaces content. */
export const ConfirmationDialog = ({
  open,
  title,
  children,
  confirmLabel,
  variant = 'danger',
  onConfirm,
  onClose,
}: ConfirmationDialogProps) => {
  const t = useT();

  return (
    <Dialog.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>{children}</Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('common.cancel', 'Cancel')}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button
              fullWidth
              variant={variant === 'danger' ? 'danger-light' : 'secondary'}
              onClick={onConfirm}
            >
              {confirmLabel}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
