// A button that opens the file chooser (the <input type="file"> itself stays hidden
// so it looks like every other button); the same file may be chosen twice in a row.

import { useRef } from 'react';

export interface FileButtonProps {
  label: string;
  /** e.g. ".json,.zip" */
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  /** Classes beside `ui-button`. */
  className?: string;
  onFiles(files: File[]): void;
}

export function FileButton({ label, accept, multiple, disabled, className, onFiles }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className ? `ui-button ${className}` : 'ui-button'} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        hidden
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
