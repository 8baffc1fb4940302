// An ARIA tree (role=tree/treeitem, nested groups) with a roving focus:
// arrows move and open/close, Home/End jump, Enter or Space selects, typing a
// letter jumps to the next item starting with it. Optional HTML5 drag and drop
// moves an item onto another, or onto the root area below the tree.

import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useMessages } from '../i18n/index.tsx';
import { componentMessages } from './messages.ts';
import { fold } from './text.ts';
import type { TreeNode } from './tree.ts';
import './components.css';

export interface TreeDrag {
  /** `target` null is the root (top level). */
  canDrop(dragged: string, target: string | null): boolean;
  onDrop(dragged: string, target: string | null): void;
}

export interface TreeProps<T> {
  forest: TreeNode<T>[];
  getId(item: T): string;
  /** The item's name, for type-ahead. */
  getLabel(item: T): string;
  label: string;
  expanded: ReadonlySet<string>;
  onExpand(id: string, open: boolean): void;
  selectedId: string | null;
  onSelect(id: string): void;
  renderItem(item: T): ReactNode;
  drag?: TreeDrag;
}

interface Visible<T> {
  node: TreeNode<T>;
  id: string;
  parentId: string | null;
}

const DRAG_TYPE = 'application/x-crosswise-tree-item';

export function Tree<T>({ forest, getId, getLabel, label, expanded, onExpand, selectedId, onSelect, renderItem, drag }: TreeProps<T>) {
  const t = useMessages(componentMessages);
  const root = useRef<HTMLUListElement>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null | undefined>(undefined);

  const visible = useMemo(() => {
    const out: Visible<T>[] = [];
    const walk = (nodes: TreeNode<T>[], parentId: string | null) => {
      for (const node of nodes) {
        const id = getId(node.item);
        out.push({ node, id, parentId });
        if (expanded.has(id)) walk(node.children, id);
      }
    };
    walk(forest, null);
    return out;
  }, [forest, expanded, getId]);

  const tabStop = visible.some((v) => v.id === focusId) ? focusId : visible.some((v) => v.id === selectedId) ? selectedId : (visible[0]?.id ?? null);

  const focus = (id: string | undefined) => {
    if (id === undefined) return;
    setFocusId(id);
    root.current?.querySelector<HTMLElement>(`[data-tree-id="${CSS.escape(id)}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const index = visible.findIndex((v) => v.id === tabStop);
    const here = visible[index];
    if (!here) return;
    const open = expanded.has(here.id);
    const hasChildren = here.node.children.length > 0;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        focus(visible[index + 1]?.id);
        break;
      case 'ArrowUp':
        focus(visible[index - 1]?.id);
        break;
      case 'ArrowRight':
        if (hasChildren && !open) onExpand(here.id, true);
        else if (hasChildren) focus(visible[index + 1]?.id);
        break;
      case 'ArrowLeft':
        if (hasChildren && open) onExpand(here.id, false);
        else if (here.parentId !== null) focus(here.parentId);
        break;
      case 'Home':
        focus(visible[0]?.id);
        break;
      case 'End':
        focus(visible[visible.length - 1]?.id);
        break;
      case 'Enter':
      case ' ':
        onSelect(here.id);
        break;
      default:
        if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
          const letter = fold(e.key);
          const order = [...visible.slice(index + 1), ...visible.slice(0, index + 1)];
          focus(order.find((v) => fold(getLabel(v.node.item)).startsWith(letter))?.id);
        } else handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const dragProps = (target: string | null) =>
    drag && {
      onDragOver: (e: DragEvent) => {
        e.stopPropagation();
        if (dragging === null || !drag.canDrop(dragging, target)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setDropTarget(target);
      },
      onDragLeave: (e: DragEvent) => {
        e.stopPropagation();
        if (dropTarget === target) setDropTarget(undefined);
      },
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        e.stopPropagation();
        const dragged = e.dataTransfer.getData(DRAG_TYPE) || dragging;
        setDragging(null);
        setDropTarget(undefined);
        if (dragged && drag.canDrop(dragged, target)) drag.onDrop(dragged, target);
      },
    };

  const renderNodes = (nodes: TreeNode<T>[], level: number): ReactNode =>
    nodes.map((node) => {
      const id = getId(node.item);
      const hasChildren = node.children.length > 0;
      const open = hasChildren && expanded.has(id);
      return (
        <li
          key={id}
          role="treeitem"
          data-tree-id={id}
          aria-level={level}
          aria-expanded={hasChildren ? open : undefined}
          aria-selected={id === selectedId}
          tabIndex={id === tabStop ? 0 : -1}
          className="ui-treeitem"
          onFocus={(e) => {
            if (e.target === e.currentTarget) setFocusId(id);
          }}
          draggable={drag ? true : undefined}
          onDragStart={
            drag &&
            ((e) => {
              e.stopPropagation();
              e.dataTransfer.setData(DRAG_TYPE, id);
              e.dataTransfer.effectAllowed = 'move';
              setDragging(id);
            })
          }
          onDragEnd={
            drag &&
            ((e) => {
              e.stopPropagation();
              setDragging(null);
              setDropTarget(undefined);
            })
          }
        >
          <div
            className={`ui-treerow${id === selectedId ? ' is-selected' : ''}${dropTarget === id ? ' is-drop-target' : ''}${dragging === id ? ' is-dragging' : ''}`}
            style={{ paddingInlineStart: `${(level - 1) * 1.25 + 0.25}rem` }}
            onClick={() => {
              focus(id);
              onSelect(id);
            }}
            {...dragProps(id)}
          >
            <span
              className={`ui-twisty${hasChildren ? '' : ' is-leaf'}`}
              aria-hidden="true"
              onClick={(e) => {
                if (!hasChildren) return;
                e.stopPropagation();
                onExpand(id, !open);
              }}
            >
              {hasChildren ? (open ? '▾' : '▸') : ''}
            </span>
            {renderItem(node.item)}
          </div>
          {open && (
            <ul role="group" className="ui-treegroup">
              {renderNodes(node.children, level + 1)}
            </ul>
          )}
        </li>
      );
    });

  return (
    <div className="ui-tree-wrap" {...dragProps(null)}>
      <ul ref={root} role="tree" aria-label={label} className="ui-tree" onKeyDown={onKeyDown}>
        {renderNodes(forest, 1)}
      </ul>
      {drag && dragging !== null && (
        <div className={`ui-tree-root-drop${dropTarget === null ? ' is-drop-target' : ''}`} {...dragProps(null)}>
          {t('dropOnRoot')}
        </div>
      )}
    </div>
  );
}
