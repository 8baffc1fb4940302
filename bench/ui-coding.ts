// Coding-view benchmark: one 50,000-word transcript with speaker turns and 2,000
// codings from 30 codes, served by the real server and measured in Chromium:
// first render (navigation → all highlights drawn), apply → highlight, and scrolling
// once the view has laid out the whole transcript.
// Run: node --import tsx bench/ui-coding.ts (needs /usr/bin/chromium or CHROMIUM=path).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type { SpeakerTurn } from '../src/core/model.ts';
import { CodePointIndex } from '../src/core/text/offsets.ts';
import { startServer } from '../src/server/server.ts';
import { openStore } from '../src/store/open.ts';

const WORDS = 50_000;
const CODINGS = 2_000;
const CODES = 30;
const LOADS = 5;
const APPLIES = 10;
const root = join(import.meta.dirname, '..');

/** Deterministic pseudo-random numbers (mulberry32), so every run codes the same text. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

const VOCABULARY = (
  'the women shelter police trust fear deportation worker community support housing language passport debt recruiter ' +
  'employer contract city border family money help legal status trafficking victims services funding training network ' +
  'les femmes maison hébergement intervenante confiance peur expulsion réseau communauté soutien langue passeport dette ' +
  'employeur ville frontière famille argent aide statut traite victimes financement formation après déjà très où ça'
).split(' ');

/** A transcript of alternating interviewer and participant turns, ~WORDS words, with a few emoji. */
function transcript(): { text: string; turns: SpeakerTurn[]; words: { start: number; end: number; turn: number }[] } {
  const parts: string[] = [];
  const words: { start: number; end: number; turn: number }[] = [];
  const turns: SpeakerTurn[] = [];
  let cp = 0;
  let count = 0;
  for (let turn = 0; count < WORDS; turn++) {
    const speaker = turn % 2 === 0 ? 'Interviewer' : 'Participant';
    const label = `${speaker}: `;
    const start = cp;
    parts.push(label);
    cp += label.length;
    const n = turn % 2 === 0 ? between(8, 30) : between(60, 200);
    for (let i = 0; i < n && count < WORDS; i++, count++) {
      const word = rnd() < 0.004 ? '😀' : pick(VOCABULARY);
      const sep = i === n - 1 ? '.' : rnd() < 0.08 ? ', ' : ' ';
      words.push({ start: cp, end: cp + [...word].length, turn });
      parts.push(word, sep);
      cp += [...word].length + sep.length;
    }
    turns.push({ speaker, start, end: cp });
    parts.push('\n\n');
    cp += 2;
  }
  return { text: parts.join(''), turns, words };
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { median: r(q(0.5)), p95: r(q(0.95)), max: r(s.at(-1) ?? 0), n: s.length };
};

async function seed(dbPath: string) {
  const store = await openStore(dbPath);
  const { text, turns, words } = transcript();
  let documentId = '';
  let codeNames: string[] = [];
  await store.createProject({ title: 'UI coding bench', languages: ['en', 'fr'] }, { system: 'bench' }, async (p) => {
    const coders = [await p.createUser({ name: 'Amira Haddad', role: 'coder' }), await p.createUser({ name: 'Luc Tremblay', role: 'coder' })];
    const category = await p.createCode({ name: 'Bench themes', codable: false });
    const codes = [];
    for (let i = 0; i < CODES; i++) codes.push(await p.createCode({ name: `Bench code ${String(i + 1).padStart(2, '0')}`, parentId: category.id }));
    codeNames = codes.map((c) => c.name);
    const doc = await p.addDocument({ name: 'Bench transcript', text, turns, language: 'en' });
    documentId = doc.id;
    const taken = new Set<string>();
    while (taken.size < CODINGS) {
      const first = between(0, words.length - 61);
      const last = first + between(4, 60);
      const code = pick(codes);
      const coder = pick(coders);
      const key = `${first}:${last}:${code.id}:${coder.id}`;
      if (taken.has(key)) continue;
      taken.add(key);
      await p.applyCode({ documentId: doc.id, start: words[first]!.start, end: words[last]!.end, codeId: code.id, coderId: coder.id });
    }
  });
  if (new CodePointIndex(text).length < text.length - 1000) throw new Error('unexpected text');
  return { store, documentId, codeNames };
}

/** Navigation start → the view's `cw-coding-ready` mark (set after the highlights are registered and painted). */
async function firstRender(page: Page, url: string): Promise<{ ms: number; stripesMs: number; dataMs: number; laidOutMs: number; ranges: number }> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('[data-stripes-ready]', { timeout: 30_000 });
  // Then the rest of the transcript is laid out a few blocks a frame (render-ahead.ts).
  await page.waitForFunction(() => document.querySelector('[data-block]:not([data-rendered])') === null, undefined, { polling: 'raf', timeout: 30_000 });
  const laidOutMs = await page.evaluate(() => performance.now());
  return page.evaluate((laidOutMs) => {
    let ranges = 0;
    for (const [name, h] of CSS.highlights) if (/^cw-c\d+[mo]$/.test(name)) ranges += h.size;
    const api = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/'));
    const mark = (name: string) => performance.getEntriesByName(name)[0]!.startTime;
    return { ms: mark('cw-coding-ready'), stripesMs: mark('cw-stripes-ready'), dataMs: Math.max(...api.map((r) => (r as PerformanceResourceTiming).responseEnd)), laidOutMs, ranges };
  }, laidOutMs);
}

/** Selects a word with the mouse, picks a code with the keyboard and times Enter → range in a Highlight. */
async function applyOnce(page: Page, nth: number, codeName: string) {
  const target = await page.evaluate((nth) => {
    const spans = [...document.querySelectorAll('.cw-t')];
    const span = spans[Math.min(spans.length - 1, 40 + nth * 37)]!;
    span.closest('.cw-block')!.scrollIntoView({ block: 'center' });
    const node = span.firstChild as Text;
    const at = node.data.indexOf(' ', 20) + 1;
    const end = node.data.indexOf(' ', at);
    const r = document.createRange();
    r.setStart(node, at);
    r.setEnd(node, end);
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, nth);
  await page.mouse.dblclick(target.x, target.y);
  await page.waitForSelector('.cw-popover');
  // The word as selected (trimmed by the view), before the picker's input takes the selection.
  await page.evaluate(() => {
    const sel = getSelection()!;
    const probe = { node: sel.anchorNode, start: Math.min(sel.anchorOffset, sel.focusOffset), end: Math.max(sel.anchorOffset, sel.focusOffset) };
    const w = window as unknown as { __applied: Promise<{ highlight: number; saved: number }> };
    w.__applied = new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error('the new coding was never highlighted')), 10_000);
      const onKey = (e: KeyboardEvent) => {
          if (e.key !== 'Enter') return;
          removeEventListener('keydown', onKey, true);
          const t0 = performance.now();
          const channel = new MessageChannel();
          const shown = () => {
            for (const [name, h] of CSS.highlights) {
              if (!/^cw-c\d+m$/.test(name)) continue;
              for (const r of h) if (r.startContainer === probe.node && r.startOffset === probe.start && r.endOffset === probe.end) return true;
            }
            return false;
          };
          channel.port1.onmessage = () => {
            if (!shown()) return channel.port2.postMessage(0);
            const highlight = performance.now() - t0;
            const waitSaved = () => {
              const entry = performance.getEntriesByType('resource').findLast((x) => x.name.endsWith('/codings') && x.startTime >= t0) as PerformanceResourceTiming | undefined;
              if (!entry?.responseEnd) return setTimeout(waitSaved, 5);
              clearTimeout(timeout);
              resolve({ highlight, saved: entry.responseEnd - t0 });
            };
            waitSaved();
          };
          channel.port2.postMessage(0);
      };
      addEventListener('keydown', onKey, true);
    });
  });
  await page.keyboard.press('c');
  await page.waitForSelector('.cw-picker-input');
  await page.keyboard.type(codeName);
  await page.waitForFunction((name) => document.querySelector('.cw-picker-list .cw-active .cw-picker-name')?.textContent === name, codeName);
  await page.keyboard.press('Enter');
  return page.evaluate(() => (window as unknown as { __applied: Promise<{ highlight: number; saved: number }> }).__applied);
}

/** Scrolls the transcript top to bottom by `step` px a frame and records frame intervals. */
async function scrolling(page: Page, step: number) {
  return page.evaluate(
    (step) =>
      new Promise<{ deltas: number[]; distance: number }>((resolve) => {
        const scroller = document.querySelector('.cw-scroll')!;
        scroller.scrollTop = 0;
        const deltas: number[] = [];
        let last = 0;
        const frame = (now: number) => {
          if (last) deltas.push(now - last);
          last = now;
          const before = scroller.scrollTop;
          scroller.scrollBy(0, step);
          if ((scroller.scrollTop === before && deltas.length > 2) || deltas.length > 5000) resolve({ deltas, distance: scroller.scrollTop });
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    step,
  );
}

const BUDGET_MS = (1000 / 60) * 1.5;
type Scroll = { deltas: number[]; distance: number };
const frameReport = (scrolls: Scroll[]) => {
  const deltas = scrolls.flatMap((s) => s.deltas);
  return {
    frameMs: stats(deltas),
    droppedFrames: deltas.filter((d) => d > BUDGET_MS).length,
    frames: deltas.length,
    // Dropped frames in each pass, in the order run.
    droppedByPass: scrolls.map((s) => s.deltas.filter((d) => d > BUDGET_MS).length),
    distancePx: scrolls[0]?.distance ?? 0,
  };
};

/** Coding highlights and stripes off (plain text) or back on. */
async function showCoding(page: Page, on: boolean): Promise<void> {
  await page.evaluate((on) => {
    const w = window as unknown as { __codingHighlights?: Map<string, Highlight> };
    if (on) for (const [name, highlight] of w.__codingHighlights ?? []) CSS.highlights.set(name, highlight);
    else {
      w.__codingHighlights = new Map(CSS.highlights);
      CSS.highlights.clear();
    }
    for (const el of document.querySelectorAll<HTMLElement>('.cw-stripes')) el.style.display = on ? '' : 'none';
  }, on);
}

/** Rounds of coded and plain passes, alternated so the machine's drift weighs on both alike. */
const ROUNDS = 2;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'cw-ui-bench-'));
  const webRoot = join(dir, 'web');
  try {
    const seeded = Date.now();
    const { store, documentId, codeNames } = await seed(join(dir, 'bench.db'));
    const seedMs = Date.now() - seeded;
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true, sourcemap: false } });
    const server = await startServer({ store, webRoot, host: '127.0.0.1', port: 0 });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      // tsx names functions with a __name helper that the page does not have.
      await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      const url = `${server.url}/#/documents/${documentId}`;
      const loads: Awaited<ReturnType<typeof firstRender>>[] = [];
      for (let i = 0; i < LOADS; i++) loads.push(await firstRender(page, url));
      const applies: { highlight: number; saved: number }[] = [];
      for (let i = 0; i < APPLIES; i++) applies.push(await applyOnce(page, i, codeNames[i % codeNames.length]!));
      // Scrolling once the view has settled: every block laid out again after the last coding.
      await page.waitForFunction(() => document.querySelector('[data-block]:not([data-rendered])') === null);
      await page.waitForTimeout(300);
      // The first fling paints every block for the first time; the rounds after show the steady state.
      const firstFling = frameReport([await scrolling(page, 150)]);
      const passes = { fling: [] as Scroll[], wheel: [] as Scroll[], plainTextFling: [] as Scroll[], plainTextWheel: [] as Scroll[] };
      for (let round = 0; round < ROUNDS; round++) {
        passes.fling.push(await scrolling(page, 150));
        passes.wheel.push(await scrolling(page, 40));
        await showCoding(page, false);
        passes.plainTextFling.push(await scrolling(page, 150));
        passes.plainTextWheel.push(await scrolling(page, 40));
        await showCoding(page, true);
      }
      const result = {
        date: new Date().toISOString(),
        document: { words: WORDS, codings: CODINGS, codes: CODES, blocks: await page.evaluate(() => document.querySelectorAll('.cw-block').length) },
        seedMs,
        firstRenderMs: {
          cold: Math.round(loads[0]!.ms),
          warm: stats(loads.slice(1).map((l) => l.ms)),
          // Of which: until the last API response arrived (document, codings, codebook, memos).
          dataWarm: stats(loads.slice(1).map((l) => l.dataMs)),
          // The coding stripes follow the highlights in a background render.
          stripesWarm: stats(loads.slice(1).map((l) => l.stripesMs)),
          // And the whole transcript laid out, ready to scroll without rendering on the way.
          laidOutWarm: stats(loads.slice(1).map((l) => l.laidOutMs)),
          highlightRanges: loads[0]!.ranges,
        },
        applyToHighlightMs: stats(applies.map((a) => a.highlight)),
        applyToSavedMs: stats(applies.map((a) => a.saved)),
        // Frames slower than 1.5 × 16.7 ms count as dropped. Fling: 150 px a frame (9,000 px/s); wheel: 40 px a frame.
        // Plain text is the same view with the coding highlights and stripes off: what this browser and machine drop anyway.
        scrolling: {
          firstFling,
          fling: frameReport(passes.fling),
          wheel: frameReport(passes.wheel),
          plainTextFling: frameReport(passes.plainTextFling),
          plainTextWheel: frameReport(passes.plainTextWheel),
        },
        targets: { firstRenderMs: 1000, applyToHighlightMs: 100 },
        // Other work on the machine skews every figure: the load average when the run ended.
        machine: { cpus: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) },
      };
      const json = JSON.stringify(result, null, 2);
      console.log(json);
      mkdirSync(join(root, 'bench/results'), { recursive: true });
      writeFileSync(join(root, 'bench/results/ui-coding.json'), `${json}\n`);
    } finally {
      await browser.close();
      await server.close();
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
