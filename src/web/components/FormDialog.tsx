// A dialog whose body is a form and whose primary button submits it, so Enter in a
// field and the button do the same thing in every "new …" dialog.

import { useId, type ReactNode } from 'react';
import { Dialog } from './Dialog.tsx';

export interface FormDialogProps {
  title: string;
  onClose(): void;
  submitLabel: string;
  onSubmit(): void;
  /** The form's class, for its layout. */
  className?: string;
  children: ReactNode;
}

export function FormDialog({ title, onClose, submitLabel, onSubmit, className, children }: FormDialogProps) {
  const formId = useId();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <button type="submit" form={formId} className="ui-button is-primary">
          {submitLabel}
        </button>
      }
    >
      <form
        id={formId}
        className={className}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </Dialog>
  );
}
