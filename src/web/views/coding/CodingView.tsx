// The coding view: a transcript to read and code all day, by mouse or keyboard.
// The text is rendered once; codings are drawn with the CSS Custom Highlight API
// (highlights.ts) and as stripes per block computed from offsets (stripes.ts).
// Every change goes through the undo stack as a command.

import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import type { CodedSegment, Code, Document, Memo } from '../../../core/model.ts';
import { CodePointIndex } from '../../../core/text/offsets.ts';
import { ApiError } from '../../api.ts';
import { useMessages } from '../../i18n/index.tsx';
import { UndoStack, useUndoState, type Command } from '../../undo.ts';
import { useWorkspace } from '../../workspace.tsx';
import { BoundaryHandles, type Side } from './BoundaryHandles.tsx';
import { codeEntries } from './code-search.ts';
import { CodingDetails, HelpPanel, Legend } from './CodingDetails.tsx';
import {
  BLOCK_ATTR,
  blockTextNode,
  boundaryToCodePoint,
  codePointToTextPoint,
  domPointToBoundary,
  textPointRange,
} from './dom-offsets.ts';
import { CodingHighlights } from './highlights.ts';
import { messages } from './messages.ts';
import { SelectionPopover, type PopoverMode } from './SelectionPopover.tsx';
import { computeStripes, type StripeColumn, type Stripes } from './stripes.ts';
import { StripeTip } from './StripeTip.tsx';
import { layoutDocument, piecesOf, skipLead } from './text-layout.ts';
import { Transcript, type CodeLook, type StripeLabels } from './Transcript.tsx';
import { inVivoName, moveByChar, moveByWord, snapToWord, trimRange } from './words.ts';
import { renderAhead } from './render-ahead.ts';
import './coding.css';

export function CodingView(props: { documentId: string; at: number | null }) {
  const ws = useWorkspace();
  const t = useMessages(messages);
  const [loaded, setLoaded] = useState<{ doc: Document; codings: CodedSegment[]; memos: Memo[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([ws.api.document(props.documentId), ws.api.documentCodings(props.documentId), ws.api.memos()])
      .then(([doc, codings, memos]) => live && setLoaded({ doc, codings, memos }))
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [ws.api, props.documentId]);
  if (error) return <p className="cw-loading" role="alert">{t('loadFailed', { message: error })}</p>;
  if (!loaded) return <p className="cw-loading">{t('loading')}</p>;
  return <Workbench doc={loaded.doc} initialCodings={loaded.codings} initialMemos={loaded.memos} at={props.at} />;
}

type Span = { start: number; end: number };
interface Adjust extends Span {
  codingId: string;
}

/** Code colours for new codes; the least used one is taken. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#7f7f7f'];
const isTyping = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
let pendingSeq = 0;
const NO_STRIPES: StripeColumn[][] = [];

function Workbench({ doc, initialCodings, initialMemos, at }: { doc: Document; initialCodings: CodedSegment[]; initialMemos: Memo[]; at: number | null }) {
  const ws = useWorkspace();
  const t = useMessages(messages);
  const { api, user, notify } = ws;
  const index = useMemo(() => new CodePointIndex(doc.text), [doc]);
  const layout = useMemo(() => layoutDocument(doc.text, doc.turns, index), [doc, index]);
  const language = doc.language ?? ws.language;

  const [codings, setCodings] = useState(initialCodings);
  const [memos, setMemos] = useState(initialMemos);
  const [scope, setScope] = useState<'mine' | 'all'>('all');
  const [selection, setSelection] = useState<Span | null>(null);
  const [popover, setPopover] = useState<{ mode: PopoverMode; range: Span; top: number; left: number } | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [memoOpen, setMemoOpen] = useState(false);
  const [help, setHelp] = useState(false);
  const [adjust, setAdjust] = useState<Adjust | null>(null);
  const [recent, setRecent] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const stack = useMemo(() => new UndoStack(), []);
  const undoState = useUndoState(stack);

  const sectionRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const caretRef = useRef<HTMLDivElement>(null);
  const textNodes = useRef<(Text | null)[]>([]);
  const highlights = useRef<CodingHighlights | null>(null);
  const caret = useRef<{ anchor: number; focus: number }>({ anchor: 0, focus: 0 });
  const codingsRef = useRef(codings);
  useLayoutEffect(() => {
    codingsRef.current = codings;
  }, [codings]);

  // ——— codes, visible codings, stripes ———
  const entries = useMemo(() => codeEntries(ws.codes), [ws.codes]);
  const looks = useMemo(() => new Map<string, CodeLook>(entries.map((e) => [e.code.id, { name: e.code.name, path: e.path, color: e.code.color }])), [entries]);
  const order = useMemo(() => new Map(entries.map((e, i) => [e.code.id, i])), [entries]);
  const visible = useMemo(() => (scope === 'mine' ? codings.filter((c) => c.coderId === user.id) : codings), [codings, scope, user.id]);
  const sorted = useMemo(
    () => [...visible].sort((a, b) => a.start - b.start || a.end - b.end || (order.get(a.codeId) ?? 0) - (order.get(b.codeId) ?? 0)),
    [visible, order],
  );
  const stripesRef = useRef<Stripes | null>(null);
  const stripes = useMemo(() => (stripesRef.current = computeStripes(layout, visible, order, stripesRef.current)), [layout, visible, order]);
  // The text and its highlights come first; the stripes (thousands of small buttons) follow in a background render.
  const shownStripes = useDeferredValue(stripes.blocks, NO_STRIPES);
  const userName = useCallback((id: string) => ws.users.find((u) => u.id === id)?.name ?? t('unknownCoder'), [ws.users, t]);
  const labels = useMemo<StripeLabels>(
    () => ({
      codes: looks,
      coderName: userName,
      userId: user.id,
      barLabel: (code, coder) => t('barLabel', { code, coder }),
      more: (n) => t('moreCodes', { n }),
      unknownCode: t('unknownCode'),
    }),
    [looks, userName, user.id, t],
  );
  const focused = focusedId ? (codings.find((c) => c.id === focusedId) ?? null) : null;
  const selectedBlocks = useMemo(
    () => (focused ? { codingId: focused.id, blocks: new Set(piecesOf(layout, focused.start, focused.end).map((p) => p.block)) } : null),
    [focused, layout],
  );

  // ——— highlights ———
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    textNodes.current = [...root.querySelectorAll(`[${BLOCK_ATTR}]`)].map(blockTextNode);
    const h = new CodingHighlights(layout, index, textNodes.current);
    highlights.current = h;
    return () => {
      h.dispose();
      highlights.current = null;
    };
  }, [layout, index]);
  useLayoutEffect(() => {
    highlights.current?.setColours(new Map([...looks].map(([id, l]) => [id, l.color])));
  }, [looks]);
  useLayoutEffect(() => {
    highlights.current?.sync(visible, user.id);
  }, [visible, user.id]);
  useLayoutEffect(() => {
    highlights.current?.overlay('selected', adjust ?? focused);
  }, [adjust, focused]);
  useLayoutEffect(() => {
    highlights.current?.overlay('target', popover?.range ?? null);
  }, [popover]);

  // Ready once the highlights are painted, then stripes-ready once the stripes are: the bench and e2e tests wait for them.
  const stripesShown = shownStripes === stripes.blocks;
  useEffect(() => {
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('cw-coding-ready');
        sectionRef.current?.setAttribute('data-ready', 'true');
      }),
    );
    return () => cancelAnimationFrame(frame);
  }, []);
  useEffect(() => {
    if (!stripesShown || sectionRef.current?.hasAttribute('data-stripes-ready')) return;
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('cw-stripes-ready');
        sectionRef.current?.setAttribute('data-stripes-ready', 'true');
      }),
    );
    return () => cancelAnimationFrame(frame);
  }, [stripesShown]);
  // Then the rest of the transcript is laid out a few blocks a frame, ahead of any scrolling.
  useEffect(() => {
    const root = rootRef.current;
    const scroller = scrollRef.current;
    if (!stripesShown || !root || !scroller) return;
    return renderAhead(root, scroller, `[${BLOCK_ATTR}]`);
  }, [stripesShown, layout]);

  // The view fills the window below the app header.
  useLayoutEffect(() => {
    const fit = () => {
      const el = sectionRef.current;
      if (el) el.style.setProperty('--cw-top', `${el.getBoundingClientRect().top + window.scrollY}px`);
    };
    fit();
    addEventListener('resize', fit);
    return () => removeEventListener('resize', fit);
  }, []);

  // ——— caret and selection ———
  const liveRange = useCallback(
    (start: number, end: number): Range | null => {
      const a = codePointToTextPoint(layout, index, start, 'start');
      const b = codePointToTextPoint(layout, index, end, 'end');
      const na = a && textNodes.current[a.block];
      const nb = b && textNodes.current[b.block];
      if (!a || !b || !na || !nb) return null;
      const r = document.createRange();
      r.setStart(na, a.offset);
      r.setEnd(nb, b.offset);
      return r;
    },
    [layout, index],
  );

  const scrollIntoViewAt = useCallback(
    (cp: number) => {
      const scroller = scrollRef.current;
      const p = codePointToTextPoint(layout, index, cp, 'start');
      const blockEl = p && rootRef.current?.querySelector(`[${BLOCK_ATTR}="${p.block}"]`);
      if (!scroller || !p || !blockEl) return;
      // A block skipped by content-visibility has no line boxes yet: bring the block in first.
      const view = scroller.getBoundingClientRect();
      let rect = blockEl.getBoundingClientRect();
      if (rect.bottom < view.top || rect.top > view.bottom) blockEl.scrollIntoView({ block: 'center' });
      rect = textPointRange(textNodes.current, p)?.getBoundingClientRect() ?? rect;
      const margin = 48;
      if (rect.top < view.top + margin) scroller.scrollTop -= view.top + margin - rect.top;
      else if (rect.bottom > view.bottom - margin) scroller.scrollTop += rect.bottom - view.bottom + margin;
    },
    [layout, index],
  );

  /** Shows caret.current as the DOM selection, or as the drawn caret when collapsed. */
  const paint = useCallback(
    (scroll: boolean) => {
      const { anchor, focus } = caret.current;
      const a = codePointToTextPoint(layout, index, anchor, anchor <= focus ? 'start' : 'end');
      const f = codePointToTextPoint(layout, index, focus, focus < anchor ? 'start' : 'end');
      const na = a && textNodes.current[a.block];
      const nf = f && textNodes.current[f.block];
      if (!a || !f || !na || !nf) return;
      if (scroll) scrollIntoViewAt(focus);
      getSelection()?.setBaseAndExtent(na, a.offset, nf, f.offset);
      const el = caretRef.current;
      const box = contentRef.current?.getBoundingClientRect();
      if (!el || !box) return;
      const collapsed = anchor === focus && document.activeElement === rootRef.current;
      el.hidden = !collapsed;
      if (!collapsed) return;
      const r = textPointRange(textNodes.current, f);
      const rect = r?.getClientRects()[0] ?? r?.getBoundingClientRect();
      if (!rect) return;
      el.style.transform = `translate(${rect.left - box.left}px, ${rect.top - box.top}px)`;
      el.style.height = `${rect.height || 18}px`;
    },
    [layout, index, scrollIntoViewAt],
  );

  const setCaret = useCallback(
    (anchor: number, focus: number, scroll = true) => {
      caret.current = { anchor, focus };
      setSelection(anchor === focus ? null : { start: Math.min(anchor, focus), end: Math.max(anchor, focus) });
      paint(scroll);
    },
    [paint],
  );

  const announce = (text: string) => setAnnouncement(text);

  // ——— changes, as undoable commands ———
  const fail = useCallback(
    (err: unknown) => {
      if (err instanceof ApiError && (err.kind === 'conflict' || err.kind === 'not_found')) {
        api.documentCodings(doc.id).then(setCodings, () => undefined);
        notify(t('conflict'), 'error');
      } else notify(t('failed', { message: err instanceof Error ? err.message : String(err) }), 'error');
    },
    [api, doc.id, notify, t],
  );

  const applyRemote = async (range: Span, codeId: string, coderId: string): Promise<CodedSegment> => {
    const temp: CodedSegment = {
      id: `pending-${++pendingSeq}`,
      segmentId: '',
      codeId,
      coderId,
      documentId: doc.id,
      start: range.start,
      end: range.end,
      quote: { exact: index.slice(range.start, range.end), prefix: '', suffix: '' },
      segmentVersion: 0,
      createdAt: new Date().toISOString(),
    };
    // Drawn at once; the server's coding replaces it (or it goes if the server refuses).
    if (coderId === user.id || scope === 'all') highlights.current?.add(temp, user.id);
    setCodings((list) => [...list, temp]);
    try {
      const saved = await api.applyCode({ documentId: doc.id, start: range.start, end: range.end, codeId, coderId });
      setCodings((list) => [...list.filter((c) => c.id !== temp.id && c.id !== saved.id), saved]);
      setFocusedId((id) => (id === temp.id ? saved.id : id));
      return saved;
    } catch (err) {
      setCodings((list) => list.filter((c) => c.id !== temp.id));
      throw err;
    }
  };
  const removeRemote = async (id: string) => {
    await api.removeCoding(id);
    setCodings((list) => list.filter((c) => c.id !== id));
    setFocusedId((f) => (f === id ? null : f));
  };
  const resizeRemote = async (coding: CodedSegment, range: Span): Promise<CodedSegment> => {
    const moved = await api.resizeCoding(coding.id, coding.segmentVersion, range.start, range.end);
    // Moving onto a passage this coder already coded with the code merges the two.
    setCodings((list) => [...list.filter((c) => c.id !== coding.id && c.id !== moved.id), moved]);
    setFocusedId((id) => (id === coding.id ? moved.id : id));
    if (moved.segmentId !== coding.segmentId) api.memos().then(setMemos, () => undefined);
    return moved;
  };

  const applyCommand = (range: Span, code: Code): Command => {
    let current: CodedSegment | null = null;
    return {
      label: t('undoApply', { code: code.name }),
      do: async () => {
        current = await applyRemote(range, code.id, user.id);
      },
      undo: async () => {
        if (current) await removeRemote(current.id);
      },
    };
  };

  const createCommand = (range: Span, name: string, parentId: string | null): Command => {
    let code: Code | null = null;
    let coding: CodedSegment | null = null;
    return {
      label: t('undoCreate', { code: name }),
      do: async () => {
        const used = new Map(PALETTE.map((c) => [c, 0]));
        for (const c of ws.codes) if (used.has(c.color)) used.set(c.color, used.get(c.color)! + 1);
        const color = [...used].sort((a, b) => a[1] - b[1])[0]![0];
        code = await api.createCode({ name, parentId, color });
        await ws.refreshCodes();
        coding = await applyRemote(range, code.id, user.id);
      },
      undo: async () => {
        if (coding) await removeRemote(coding.id);
        if (code) await api.deleteCode(code.id);
        await ws.refreshCodes();
      },
    };
  };

  const removeCommand = (coding: CodedSegment): Command => {
    let current = coding;
    const code = looks.get(coding.codeId)?.name ?? t('unknownCode');
    return {
      label: t('undoRemove', { code }),
      do: () => removeRemote(current.id),
      undo: async () => {
        current = await applyRemote(current, current.codeId, current.coderId);
      },
    };
  };

  const resizeCommand = (coding: CodedSegment, to: Span): Command => {
    const from = { start: coding.start, end: coding.end };
    let current = coding;
    return {
      label: t('undoResize', { code: looks.get(coding.codeId)?.name ?? t('unknownCode') }),
      do: async () => {
        current = await resizeRemote(current, to);
      },
      undo: async () => {
        current = await resizeRemote(current, from);
      },
    };
  };

  const run = (command: Command, done: string) =>
    stack.run(command).then(() => announce(done), fail);

  const undo = useCallback(() => {
    const label = stack.state().undoLabel;
    stack.undo().then((ok) => ok && label && announce(t('undone', { label })), fail);
  }, [stack, fail, t]);
  const redo = useCallback(() => {
    const label = stack.state().redoLabel;
    stack.redo().then((ok) => ok && label && announce(t('redone', { label })), fail);
  }, [stack, fail, t]);

  // ——— actions on a selection ———
  // A keyboard selection may start or end on a space; codes apply to the words.
  const trimmedSelection = selection && trimRange(index, selection.start, selection.end);
  const targetRange = (): Span | null =>
    trimmedSelection && trimmedSelection.start < trimmedSelection.end ? trimmedSelection : focused ? { start: focused.start, end: focused.end } : null;
  const visibleText = (r: Span) =>
    piecesOf(layout, r.start, r.end)
      .map((p) => index.slice(p.start, p.end))
      .join(' ');

  const closePopover = (refocus: boolean) => {
    setPopover(null);
    // After the change already queued has started, so a new highlight is not held up by layout.
    if (refocus)
      queueMicrotask(() => {
        rootRef.current?.focus({ preventScroll: true });
        paint(false);
      });
  };

  const openPopover = (mode: PopoverMode, range: Span) => {
    const box = contentRef.current?.getBoundingClientRect();
    const rects = liveRange(range.start, range.end)?.getClientRects();
    const last = rects?.[rects.length - 1];
    if (!box || !last) return;
    const width = mode === 'actions' ? 300 : 340;
    setPopover({ mode, range, top: last.bottom - box.top + 6, left: Math.max(0, Math.min(last.right - box.left - 24, box.width - width - 8)) });
  };

  const remember = (codeId: string) => setRecent((r) => [codeId, ...r.filter((id) => id !== codeId)].slice(0, 8));

  const applyCode = (range: Span, code: Code) => {
    const dup = codingsRef.current.some((c) => c.codeId === code.id && c.coderId === user.id && c.start === range.start && c.end === range.end);
    if (dup) notify(t('alreadyCoded', { code: code.name }));
    else {
      run(applyCommand(range, code), t('applied', { code: code.name }));
      remember(code.id);
    }
    closePopover(true);
  };

  const createCode = (range: Span, name: string, parentId: string | null) => {
    closePopover(true);
    const existing = ws.codes.find((c) => c.codable && c.parentId === parentId && c.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (existing) applyCode(range, existing);
    else run(createCommand(range, name, parentId), t('created', { code: name }));
  };

  const inVivo = (range: Span) => {
    const name = inVivoName(visibleText(range));
    if (name) createCode(range, name, null);
  };

  const startAdjust = (coding: CodedSegment) => {
    if (coding.id.startsWith('pending-')) return;
    setMemoOpen(false);
    setAdjust({ codingId: coding.id, start: coding.start, end: coding.end });
  };

  const finishAdjust = (commit: boolean) => {
    const a = adjust;
    setAdjust(null);
    rootRef.current?.focus({ preventScroll: true });
    const coding = a && codingsRef.current.find((c) => c.id === a.codingId);
    if (!commit || !a || !coding || (a.start === coding.start && a.end === coding.end)) return;
    run(resizeCommand(coding, a), t('resized'));
  };

  const moveBoundary = (side: Side, to: number | 'word+' | 'word-' | 'char+' | 'char-', snap: boolean) => {
    setAdjust((a) => {
      if (!a) return a;
      const from = side === 'start' ? a.start : a.end;
      let cp =
        typeof to === 'number'
          ? snap
            ? snapToWord(index, to, side, language)
            : to
          : to.startsWith('word')
            ? moveByWord(index, from, to.endsWith('+') ? 'forward' : 'backward', language, side)
            : moveByChar(index, from, to.endsWith('+') ? 'forward' : 'backward');
      cp = side === 'start' ? Math.min(cp, a.end - 1) : Math.max(cp, a.start + 1);
      return side === 'start' ? { ...a, start: Math.max(0, cp) } : { ...a, end: Math.min(index.length, cp) };
    });
  };

  const boundaryRect = useCallback(
    (side: Side, start: number, end: number) => {
      const at = side === 'start' ? start : end;
      const r = side === 'start' ? liveRange(at, Math.min(at + 1, end)) : liveRange(Math.max(at - 1, start), at);
      const rects = r?.getClientRects();
      return (side === 'start' ? rects?.[0] : rects?.[rects.length - 1]) ?? null;
    },
    [liveRange],
  );

  const pointAt = useCallback(
    (x: number, y: number): number | null => {
      const root = rootRef.current;
      if (!root) return null;
      const pos = document.caretPositionFromPoint?.(x, y);
      const node = pos?.offsetNode;
      if (!pos || !node) return null;
      const b = domPointToBoundary(root, node, pos.offset);
      return b ? boundaryToCodePoint(layout, index, b) : null;
    },
    [layout, index],
  );

  const selectCoding = useCallback(
    (id: string | null, scroll = true) => {
      setFocusedId(id);
      setMemoOpen(false);
      setAdjust(null);
      setPopover(null);
      const c = id ? codingsRef.current.find((x) => x.id === id) : null;
      if (!c) return;
      if (scroll) scrollIntoViewAt(c.start);
      const look = looks.get(c.codeId);
      announce(t('focusedCoding', { code: look?.path ?? t('unknownCode'), coder: userName(c.coderId), quote: c.quote.exact.slice(0, 80) }));
    },
    [looks, scrollIntoViewAt, t, userName],
  );

  const step = (direction: 1 | -1) => {
    if (sorted.length === 0) return;
    const at = focused ? sorted.findIndex((c) => c.id === focused.id) : -1;
    let next: CodedSegment | undefined;
    if (at >= 0) next = sorted[(at + direction + sorted.length) % sorted.length];
    else {
      const cp = caret.current.focus;
      next = direction === 1 ? (sorted.find((c) => c.start > cp) ?? sorted[0]) : (sorted.findLast((c) => c.start < cp) ?? sorted.at(-1));
    }
    if (!next) return;
    caret.current = { anchor: next.start, focus: next.start };
    setSelection(null);
    selectCoding(next.id);
    paint(false);
  };

  const codingsAt = (cp: number) => sorted.filter((c) => c.start <= cp && cp < c.end).sort((a, b) => a.end - a.start - (b.end - b.start));

  // ——— `at`: scroll to and flash the passage a retrieval click came from ———
  useEffect(() => {
    if (at === null) return;
    const cp = Math.max(0, Math.min(at, index.length));
    const target = codingsRef.current.filter((c) => c.start === cp).sort((a, b) => b.end - a.end)[0];
    const end = target?.end ?? snapToWord(index, Math.min(cp + 1, index.length), 'end', language);
    caret.current = { anchor: cp, focus: cp };
    requestAnimationFrame(() => {
      scrollIntoViewAt(cp);
      requestAnimationFrame(() => scrollIntoViewAt(cp));
      highlights.current?.overlay('flash', { start: cp, end });
    });
    const timer = setTimeout(() => highlights.current?.overlay('flash', null), 2500);
    return () => clearTimeout(timer);
  }, [at, index, language, scrollIntoViewAt]);

  // ——— undo / redo anywhere in the view, except inside text fields ———
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTyping(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) undo();
      else if ((k === 'z' && e.shiftKey) || k === 'y') redo();
      else return;
      e.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [undo, redo]);

  // ——— keyboard in the transcript ———
  const moveCaret = (direction: 'forward' | 'backward', unit: 'char' | 'word' | 'line' | 'block' | 'doc', extend: boolean) => {
    const { anchor, focus } = caret.current;
    if (!extend && anchor !== focus && (unit === 'char' || unit === 'word')) {
      const edge = direction === 'forward' ? Math.max(anchor, focus) : Math.min(anchor, focus);
      setCaret(edge, edge);
      return;
    }
    let to = focus;
    if (unit === 'char') to = skipLead(layout, moveByChar(index, focus, direction), direction);
    else if (unit === 'word') to = skipLead(layout, moveByWord(index, focus, direction, language), direction);
    else if (unit === 'doc') to = direction === 'forward' ? (layout.blocks.at(-1)?.end ?? 0) : (layout.blocks[0]?.start ?? 0);
    else if (unit === 'block') {
      const p = codePointToTextPoint(layout, index, focus, direction === 'forward' ? 'start' : 'end');
      const b = p && layout.blocks[p.block];
      if (b) to = direction === 'forward' ? b.end : b.start;
    } else {
      const sel = getSelection();
      const root = rootRef.current;
      if (!sel || !root) return;
      paint(false);
      if (!extend) sel.collapseToEnd();
      sel.modify(extend ? 'extend' : 'move', direction, 'line');
      const b = sel.focusNode && domPointToBoundary(root, sel.focusNode, sel.focusOffset);
      if (b) to = boundaryToCodePoint(layout, index, b);
    }
    setCaret(extend ? anchor : to, to);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (isTyping(e.target)) return;
    const mod = e.ctrlKey || e.metaKey;
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'End' ? 'forward' : 'backward';
    const range = targetRange();
    let handled = true;
    switch (e.key) {
      case 'ArrowLeft':
      case 'ArrowRight':
        moveCaret(dir, mod || e.altKey ? 'word' : 'char', e.shiftKey);
        break;
      case 'ArrowUp':
      case 'ArrowDown':
        moveCaret(dir, 'line', e.shiftKey);
        break;
      case 'Home':
      case 'End':
        moveCaret(dir, mod ? 'doc' : 'block', e.shiftKey);
        break;
      default:
        handled = false;
    }
    if (!handled && mod && e.key.toLowerCase() === 'a') {
      setCaret(layout.blocks[0]?.start ?? 0, layout.blocks.at(-1)?.end ?? 0, false);
      handled = true;
    }
    if (!handled && !mod && !e.altKey) {
      handled = true;
      switch (e.key) {
        case 'c':
        case 'C':
        case 'Enter':
          if (selection && range) openPopover('pick', range);
          else if (focused && e.key === 'Enter') sectionRef.current?.querySelector<HTMLButtonElement>('.cw-details button')?.focus();
          else if (range) openPopover('pick', range);
          else announce(t('selectFirst'));
          break;
        case 'n':
        case 'N':
          if (range) openPopover('new', range);
          else announce(t('selectFirst'));
          break;
        case 'v':
        case 'V':
          if (selection && range) inVivo(range);
          else announce(t('selectFirst'));
          break;
        case 'Delete':
        case 'Backspace':
          if (focused && !focused.id.startsWith('pending-')) run(removeCommand(focused), t('removed'));
          break;
        case 'm':
        case 'M':
          if (focused && !focused.id.startsWith('pending-')) setMemoOpen(true);
          break;
        case 'b':
        case 'B':
          if (focused) startAdjust(focused);
          break;
        case ']':
          step(1);
          break;
        case '[':
          step(-1);
          break;
        case '?':
          setHelp((h) => !h);
          break;
        case 'Escape':
          if (popover) closePopover(true);
          else if (help) setHelp(false);
          else if (focused) selectCoding(null);
          else setCaret(caret.current.focus, caret.current.focus, false);
          break;
        default:
          handled = false;
      }
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  // ——— mouse ———
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!(e.target instanceof Element) || e.target.closest('.cw-stripes') || e.button !== 0) return;
    const root = rootRef.current;
    const sel = getSelection();
    if (!root || !sel || !sel.anchorNode || !sel.focusNode) return;
    const a = domPointToBoundary(root, sel.anchorNode, sel.anchorOffset);
    const f = domPointToBoundary(root, sel.focusNode, sel.focusOffset);
    if (!a || !f) return;
    const anchor = boundaryToCodePoint(layout, index, a);
    const focus = boundaryToCodePoint(layout, index, f);
    if (anchor === focus) {
      setCaret(anchor, focus, false);
      const here = codingsAt(anchor);
      // Clicking again where several codings overlap cycles through them.
      const at = focused ? here.findIndex((c) => c.id === focused.id) : -1;
      const next = here[(at + 1) % Math.max(1, here.length)];
      selectCoding(next ? next.id : null, false);
      return;
    }
    const r = trimRange(index, Math.min(anchor, focus), Math.max(anchor, focus));
    if (r.start === r.end) return;
    setCaret(anchor < focus ? r.start : r.end, anchor < focus ? r.end : r.start, false);
    setFocusedId(null);
    openPopover('actions', r);
  };

  // ——— side panel data ———
  const legend = useMemo(() => {
    const counts = new Map<string, { mine: number; total: number }>();
    for (const c of visible) {
      const n = counts.get(c.codeId) ?? { mine: 0, total: 0 };
      n.total++;
      if (c.coderId === user.id) n.mine++;
      counts.set(c.codeId, n);
    }
    return [...counts]
      .map(([codeId, n]) => ({ codeId, look: looks.get(codeId), ...n }))
      .sort((a, b) => (order.get(a.codeId) ?? 0) - (order.get(b.codeId) ?? 0));
  }, [visible, looks, order, user.id]);

  const alsoHere = focused
    ? sorted.filter((c) => c.id !== focused.id && c.start < focused.end && focused.start < c.end).map((c) => ({ coding: c, look: looks.get(c.codeId) }))
    : [];
  const segmentMemos = focused ? memos.filter((m) => m.target.kind === 'segment' && m.target.id === focused.segmentId) : [];

  const saveMemo = async (text: string) => {
    if (!focused) return false;
    try {
      const memo = await api.addMemo({ target: { kind: 'segment', id: focused.segmentId }, authorId: user.id, text });
      setMemos((list) => [...list, memo]);
      announce(t('memoSaved'));
      return true;
    } catch (err) {
      fail(err);
      return false;
    }
  };

  const mine = visible.filter((c) => c.coderId === user.id).length;
  const popoverRange = popover?.range;

  return (
    <section className="cw-view" ref={sectionRef} aria-labelledby="cw-title">
      <div className="cw-toolbar">
        <h1 id="cw-title">{doc.name}</h1>
        <span className="cw-meta">{t('counts', { total: codings.length, mine: codings.filter((c) => c.coderId === user.id).length })}</span>
        <div className="cw-scope" role="group" aria-label={t('show')}>
          <button type="button" aria-pressed={scope === 'mine'} onClick={() => setScope('mine')}>
            {t('mine')}
          </button>
          <button type="button" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>
            {t('allCoders')}
          </button>
        </div>
        <span className="cw-selection-hint" aria-hidden={!selection}>
          {selection ? t('selectionHint', { n: selection.end - selection.start }) : ''}
        </span>
        <div className="cw-history">
          <button
            type="button"
            onClick={undo}
            disabled={!undoState.undoLabel}
            title={undoState.undoLabel ? t('undoTitle', { label: undoState.undoLabel }) : t('nothingToUndo')}
            aria-keyshortcuts="Control+Z"
          >
            {t('undo')}
          </button>
          <button
            type="button"
            onClick={redo}
            disabled={!undoState.redoLabel}
            title={undoState.redoLabel ? t('redoTitle', { label: undoState.redoLabel }) : t('nothingToRedo')}
            aria-keyshortcuts="Control+Shift+Z Control+Y"
          >
            {t('redo')}
          </button>
          <button type="button" aria-expanded={help} aria-keyshortcuts="?" onClick={() => setHelp((h) => !h)} title={t('shortcuts')}>
            ?
          </button>
        </div>
      </div>
      <div className="cw-main">
        <div className="cw-scroll scroll-composited" ref={scrollRef}>
          <div className="cw-content" ref={contentRef}>
            <div
              ref={rootRef}
              className="cw-doc"
              tabIndex={0}
              role="document"
              aria-label={t('transcript', { name: doc.name })}
              aria-describedby="cw-keys"
              lang={doc.language ?? undefined}
              onKeyDown={onKeyDown}
              onPointerUp={onPointerUp}
              onFocus={() => paint(false)}
              onBlur={() => caretRef.current && (caretRef.current.hidden = true)}
            >
              <Transcript text={doc.text} layout={layout} stripes={shownStripes} labels={labels} selected={selectedBlocks} onSelect={selectCoding} />
            </div>
            <div className="cw-caret" ref={caretRef} hidden aria-hidden="true" />
            <StripeTip content={contentRef} />
            {popover && popoverRange && (
              <SelectionPopover
                mode={popover.mode}
                position={popover}
                entries={entries}
                recent={recent}
                inVivo={inVivoName(visibleText(popoverRange))}
                onMode={(mode) => setPopover({ ...popover, mode })}
                onApply={(code) => applyCode(popoverRange, code)}
                onCreate={(name, parentId) => createCode(popoverRange, name, parentId)}
                onInVivo={() => {
                  closePopover(true);
                  inVivo(popoverRange);
                }}
                onClose={() => closePopover(true)}
              />
            )}
            {adjust && (
              <BoundaryHandles
                start={adjust.start}
                end={adjust.end}
                boundaryRect={boundaryRect}
                pointAt={pointAt}
                content={contentRef}
                label={(side) => t(side === 'start' ? 'handleStart' : 'handleEnd')}
                onMove={moveBoundary}
                onDone={finishAdjust}
              />
            )}
          </div>
        </div>
        <aside className="cw-side" aria-label={t('sidePanel')}>
          {help ? (
            <HelpPanel
              onClose={() => {
                setHelp(false);
                rootRef.current?.focus({ preventScroll: true });
              }}
            />
          ) : focused ? (
            <CodingDetails
              coding={focused}
              look={looks.get(focused.codeId)}
              coderName={userName(focused.coderId)}
              mine={focused.coderId === user.id}
              memos={segmentMemos}
              authorName={userName}
              alsoHere={alsoHere}
              memoOpen={memoOpen}
              adjusting={adjust !== null}
              onSelect={(id) => selectCoding(id)}
              onRemove={() => run(removeCommand(focused), t('removed'))}
              onAdjust={() => startAdjust(focused)}
              onAdjustDone={finishAdjust}
              onMemo={(open) => {
                setMemoOpen(open);
                if (!open) rootRef.current?.focus({ preventScroll: true });
              }}
              onSaveMemo={saveMemo}
            />
          ) : (
            <Legend
              counts={legend}
              onJump={(codeId) => {
                const first = sorted.find((c) => c.codeId === codeId && c.start >= caret.current.focus) ?? sorted.find((c) => c.codeId === codeId);
                if (first) selectCoding(first.id);
              }}
            />
          )}
          <p className="cw-summary">{t('shown', { shown: visible.length, mine })}</p>
        </aside>
      </div>
      <p id="cw-keys" className="cw-sr">
        {t('keysSummary')}
      </p>
      <div className="cw-sr" role="status" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}
