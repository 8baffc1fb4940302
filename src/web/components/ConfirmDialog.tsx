// Asks before a destructive step (delete, discard): one red button that does it,
// beside Cancel, so every such question looks and answers alike.

import type { ReactNode } from 'react';
import { Dialog } from './Dialog.tsx';

export function ConfirmDialog({ title, confirmLabel, onConfirm, onClose, children }: { title: string; confirmLabel: string; onConfirm(): void; onClose(): void; children: ReactNode }) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <button type="button" className="ui-button is-primary is-danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      }
    >
      {children}
    </Dialog>
  );
}
