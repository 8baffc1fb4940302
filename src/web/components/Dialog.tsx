// A modal dialog on the native <dialog>: focus is trapped and Escape closes it.

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useMessages } from '../i18n/index.tsx';
import { componentMessages } from './messages.ts';
import './components.css';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons, right-aligned; a Cancel button is added before them. */
  actions?: ReactNode;
}

/** Render it only while open; it opens modally when mounted. */
export function Dialog({ title, onClose, children, actions }: DialogProps) {
  const t = useMessages(componentMessages);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="ui-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="ui-dialog-title">
        {title}
      </h2>
      <div className="ui-dialog-body">{children}</div>
      <div className="ui-dialog-actions">
        <button type="button" className="ui-button" onClick={onClose}>
          {t('cancel')}
        </button>
        {actions}
      </div>
    </dialog>
  );
}
