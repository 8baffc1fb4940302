// An undo/redo stack of async commands. Commands run one at a time, in order,
// so an undo pressed while a change is still saving waits for it. A command
// whose do or undo fails leaves both stacks as if it had never been run.

import { useSyncExternalStore } from 'react';

export interface Command {
  /** What the user did, as the undo tooltip shows it ("Apply “Fear of deportation”"). */
  label: string;
  do(): Promise<void>;
  undo(): Promise<void>;
}

export interface UndoState {
  undoLabel: string | null;
  redoLabel: string | null;
  busy: boolean;
}

export class UndoStack {
  private done: Command[] = [];
  private undone: Command[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private listeners = new Set<() => void>();
  private snapshot: UndoState = { undoLabel: null, redoLabel: null, busy: false };

  constructor(private readonly limit = 200) {}

  /** Runs a command and, if it succeeds, makes it the one to undo (clearing redo). */
  run(command: Command): Promise<void> {
    return this.enqueue(async () => {
      await command.do();
      this.done.push(command);
      if (this.done.length > this.limit) this.done.shift();
      this.undone = [];
    });
  }

  /** Undoes the last command; false if there was none. */
  undo(): Promise<boolean> {
    return this.enqueue(async () => {
      const command = this.done.pop();
      if (!command) return false;
      await command.undo();
      this.undone.push(command);
      return true;
    });
  }

  /** Re-does the last undone command; false if there was none. */
  redo(): Promise<boolean> {
    return this.enqueue(async () => {
      const command = this.undone.pop();
      if (!command) return false;
      await command.do();
      this.done.push(command);
      return true;
    });
  }

  clear(): void {
    this.done = [];
    this.undone = [];
    this.emit();
  }

  state(): UndoState {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.queue.then(op).finally(() => {
      this.pending--;
      this.emit();
    });
    this.queue = result.catch(() => undefined);
    // After scheduling: an idle stack starts the command before listeners re-render.
    this.emit();
    return result;
  }

  private emit(): void {
    const next: UndoState = {
      undoLabel: this.done.at(-1)?.label ?? null,
      redoLabel: this.undone.at(-1)?.label ?? null,
      busy: this.pending > 0,
    };
    const s = this.snapshot;
    if (next.undoLabel === s.undoLabel && next.redoLabel === s.redoLabel && next.busy === s.busy) return;
    this.snapshot = next;
    for (const l of this.listeners) l();
  }
}

/** The stack's labels and busy flag, re-rendering when they change. */
export function useUndoState(stack: UndoStack): UndoState {
  return useSyncExternalStore(
    (listener) => stack.subscribe(listener),
    () => stack.state(),
  );
}
