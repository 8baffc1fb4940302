import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UndoStack, type Command } from '../../undo.ts';

const counter = () => {
  const state = { value: 0, log: [] as string[] };
  const add = (n: number, fail = false): Command => ({
    label: `add ${n}`,
    do: async () => {
      await new Promise((r) => setTimeout(r, 1));
      if (fail) throw new Error('refused');
      state.value += n;
      state.log.push(`+${n}`);
    },
    undo: async () => {
      state.value -= n;
      state.log.push(`-${n}`);
    },
  });
  return { state, add };
};

test('undo and redo replay commands in order and expose the labels', async () => {
  const stack = new UndoStack();
  const { state, add } = counter();
  await stack.run(add(1));
  await stack.run(add(2));
  assert.equal(stack.state().undoLabel, 'add 2');
  assert.equal(await stack.undo(), true);
  assert.equal(state.value, 1);
  assert.equal(stack.state().redoLabel, 'add 2');
  assert.equal(await stack.redo(), true);
  assert.equal(state.value, 3);
  await stack.undo();
  await stack.undo();
  assert.equal(await stack.undo(), false);
  assert.equal(state.value, 0);
  await stack.run(add(5));
  assert.equal(stack.state().redoLabel, null, 'a new command clears redo');
});

test('operations queue: an undo issued while a command runs waits for it', async () => {
  const stack = new UndoStack();
  const { state, add } = counter();
  const running = stack.run(add(1));
  const undone = stack.undo();
  assert.equal(stack.state().busy, true);
  await Promise.all([running, undone]);
  assert.deepEqual(state.log, ['+1', '-1']);
  assert.equal(stack.state().busy, false);
});

test('a failed command is not recorded and the stack keeps working', async () => {
  const stack = new UndoStack();
  const { state, add } = counter();
  await stack.run(add(1));
  await assert.rejects(stack.run(add(2, true)), /refused/);
  assert.equal(stack.state().undoLabel, 'add 1');
  await stack.undo();
  assert.equal(state.value, 0);
});

test('subscribers hear changes; the snapshot is stable between changes', async () => {
  const stack = new UndoStack(2);
  const { add } = counter();
  let calls = 0;
  const off = stack.subscribe(() => calls++);
  const before = stack.state();
  assert.equal(stack.state(), before);
  await stack.run(add(1));
  await stack.run(add(2));
  await stack.run(add(3));
  assert.ok(calls > 0);
  off();
  await stack.undo();
  await stack.undo();
  assert.equal(await stack.undo(), false, 'the limit keeps only the last two');
});
