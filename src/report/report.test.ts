// The findings report of the demo study (a real SQLite file), in English and
// French: its sections, its numbers against the queries they come from, its
// quotes against the transcripts, and the three renderings read back by real
// parsers (htmlparser2, mammoth and fflate, pdftoppm and pdf.js).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { Parser } from 'htmlparser2';
import mammoth from 'mammoth';
import type { Case, CaseId, Code, CodeId, Language } from '../core/model.ts';
import { CodePointIndex, sliceCodePoints } from '../core/text/offsets.ts';
import { overlaps } from '../core/text/ranges.ts';
import { sentenceRanges } from '../core/text/sentences.ts';
import { projectAgreement } from '../analysis/agreement.ts';
import { barrierPrevalence, gapMatrix } from '../analysis/gaps.ts';
import { compareSites } from '../analysis/site-comparison.ts';
import { ensureDemo } from '../demo/build.ts';
import { pdfExtractor } from '../formats/pdf.ts';
import { DEFAULT_LIMITS } from '../formats/types.ts';
import { openStore } from '../store/open.ts';
import type { ProjectStore, Store } from '../store/store.ts';
import { browserAvailable } from '../../test/support/browser.ts';
import { gatherReport } from './gather.ts';
import { REPORT_MESSAGES } from './messages.ts';
import { SECTION_IDS, type Block, type ReportDocument, type Section } from './model.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { htmlToPdf } from './render-pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-report-'));
const DATE = new Date('2026-11-29T12:00:00Z');
let store: Store;
let project: ProjectStore;
const docs = {} as Record<Language, ReportDocument>;
const html = {} as Record<Language, string>;

before(async () => {
  store = await openStore(join(dir, 'demo.db'));
  project = (await ensureDemo(store)).project;
  for (const lang of ['en', 'fr'] as const) {
    docs[lang] = await gatherReport(project, { lang, date: DATE });
    html[lang] = renderHtml(docs[lang]);
  }
});
after(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const sectionOf = (doc: ReportDocument, id: string): Section => {
  const s = doc.sections.find((x) => x.id === id);
  assert.notEqual(s, undefined, `no section ${id}`);
  return s!;
};
const allSections = (s: Section): Section[] => [s, ...s.subsections.flatMap(allSections)];
const blocksOf = <K extends Block['kind']>(s: Section, kind: K): Extract<Block, { kind: K }>[] =>
  allSections(s).flatMap((x) => x.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind));
const docBlocks = <K extends Block['kind']>(doc: ReportDocument, kind: K) => doc.sections.flatMap((s) => blocksOf(s, kind));
const tableOf = (doc: ReportDocument, key: string) => {
  const t = docBlocks(doc, 'table').find((b) => b.key === key);
  assert.notEqual(t, undefined, `no table ${key}`);
  return t!;
};
/** "3 (67%)" or "3 (67 %)" → cases and whole percent. */
function casesShare(text: string): { cases: number; percent: number } | null {
  const m = /^(\d+) \((\d+)\s?%\)$/u.exec(text);
  return m ? { cases: Number(m[1]), percent: Number(m[2]) } : null;
}

interface HtmlView {
  lang: string | undefined;
  csp: string | undefined;
  /** Top-level section ids and their headings, in document order. */
  sections: { id: string; title: string }[];
  quotes: { segment: string; text: string }[];
  /** Every text node, as a reader sees it (entities decoded). */
  text: string;
  externalRefs: string[];
  scripts: number;
}

function readHtml(source: string): HtmlView {
  const view: HtmlView = { lang: undefined, csp: undefined, sections: [], quotes: [], text: '', externalRefs: [], scripts: 0 };
  const texts: string[] = [];
  let inH2: { id: string; title: string } | null = null;
  let quote: { segment: string; text: string } | null = null;
  let inBlockquote = false;
  let pendingSection: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'html') view.lang = attrs.lang;
        if (name === 'meta' && attrs['http-equiv'] === 'Content-Security-Policy') view.csp = attrs.content;
        if (name === 'script') view.scripts++;
        for (const a of ['src', 'href', 'xlink:href']) if (attrs[a] && !attrs[a]!.startsWith('#')) view.externalRefs.push(attrs[a]!);
        if (name === 'section' && attrs.class === 'section') pendingSection = attrs.id ?? '';
        if (name === 'h2' && pendingSection !== null) {
          inH2 = { id: pendingSection, title: '' };
          pendingSection = null;
        }
        if (name === 'figure' && attrs.class === 'quote') quote = { segment: attrs['data-segment'] ?? '', text: '' };
        if (name === 'blockquote') inBlockquote = true;
      },
      ontext(text) {
        texts.push(text);
        if (inH2) inH2.title += text;
        if (quote && inBlockquote) quote.text += text;
      },
      onclosetag(name) {
        if (name === 'h2' && inH2) {
          view.sections.push(inH2);
          inH2 = null;
        }
        if (name === 'blockquote') inBlockquote = false;
        if (name === 'figure' && quote) {
          view.quotes.push(quote);
          quote = null;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(source);
  parser.end();
  view.text = texts.join('\n');
  return view;
}

describe('the findings report of the demo study', () => {
  test('has every section in order in English and French, translated, self-contained', async () => {
    for (const lang of ['en', 'fr'] as const) {
      assert.deepEqual(docs[lang].sections.map((s) => s.id), [...SECTION_IDS]);
      const view = readHtml(html[lang]);
      assert.equal(view.lang, lang);
      assert.deepEqual(view.sections.map((s) => s.id), [...SECTION_IDS]);
      assert.deepEqual(view.sections.map((s) => s.title), SECTION_IDS.map((id) => REPORT_MESSAGES[lang].sections[id]));
      assert.match(view.csp ?? '', /default-src 'none'/);
      assert.deepEqual(view.externalRefs, []);
      assert.equal(view.scripts, 0);
    }
    for (const id of SECTION_IDS) assert.notEqual(REPORT_MESSAGES.fr.sections[id], REPORT_MESSAGES.en.sections[id]);
    assert.match(docs.en.date, /November 29, 2026/);
    assert.match(docs.fr.date, /29 novembre 2026/);
    // French numbers: a space before the percent sign; English: none.
    assert.match(readHtml(html.fr).text, /\d\u00a0%/);
    assert.doesNotMatch(readHtml(html.en).text, /\d\u00a0%/);
    assert.match(readHtml(html.en).text, /\d%/);
    // The analyst's summary and recommendations are printed.
    const draft = await project.reportDraft();
    assert.notEqual(draft.summary, '');
    assert.equal(readHtml(html.en).text.includes(draft.summary.split('\n')[0]!), true);
    assert.deepEqual(blocksOf(sectionOf(docs.fr, 'recommendations'), 'list')[0]?.items, draft.recommendations);
  });

  test('methodology figures are the store’s and the agreement module’s', async () => {
    const [stats, interviews, codes] = await Promise.all([project.stats(), project.listInterviews(), project.listCodes()]);
    const comparison = await compareSites(project);
    for (const lang of ['en', 'fr'] as const) {
      const methodology = sectionOf(docs[lang], 'methodology');
      const facts = new Map(blocksOf(methodology, 'facts').flatMap((b) => b.items.map((i) => [i.key, i.value] as const)));
      for (const key of ['sites', 'organisations', 'participants', 'interviews', 'documents'] as const) {
        assert.equal(facts.get(key), String(stats[key]), key);
      }
      const telephone = interviews.filter((i) => i.mode === 'telephone').length;
      assert.equal(telephone > 0, true);
      assert.equal(facts.get('mode'), `${lang === 'en' ? 'telephone' : 'téléphone'} (${telephone})`);
      const dates = interviews.flatMap((i) => (i.date ? [i.date] : [])).sort();
      const long = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-CA' : 'fr-CA', { dateStyle: 'long', timeZone: 'UTC' });
      assert.match(facts.get('dates') ?? '', new RegExp(`${long(dates[0]!)}.*${long(dates.at(-1)!)}`));

      const sites = tableOf(docs[lang], 'sites');
      const column = (j: number) => sites.rows.map((r) => Number(r.cells[j]!.text));
      assert.deepEqual(sites.rows.map((r) => r.cells[0]!.text), comparison.sites.map((s) => s.name));
      assert.equal(column(2).reduce((a, b) => a + b, 0), stats.participants);
      assert.equal(column(3).reduce((a, b) => a + b, 0), interviews.length);
      assert.deepEqual(column(4), comparison.sites.map((s) => s.codedCases));
      const types = tableOf(docs[lang], 'organisation-types');
      assert.equal(types.rows.reduce((a, r) => a + Number(r.cells[1]!.text), 0), stats.organisations);
    }
    // The analysis paragraph counts the codebook's issue areas.
    const areas = codes.filter((c) => c.parentId === null).length;
    assert.match(blocksOf(sectionOf(docs.en, 'methodology'), 'paragraph').map((p) => p.text).join('\n'), new RegExp(`codebook of ${areas} issue areas and ${stats.codableCodes} codes`));

    // Intercoder agreement: the two coders, compared passage by passage, as projectAgreement says.
    const users = await project.listUsers();
    const coders = users.filter((u) => u.role === 'coder').map((u) => u.id);
    const agreement = await projectAgreement(project, { coderIds: coders, unit: 'segment' });
    const alpha = agreement.overall.krippendorffAlpha;
    assert.equal(alpha.defined, true);
    const overall = tableOf(docs.en, 'agreement');
    const row = (label: string) => overall.rows.find((r) => r.cells[0]!.text === label)?.cells[1]!.text;
    assert.equal(row(REPORT_MESSAGES.en.krippendorffAlpha), alpha.defined ? alpha.value.toFixed(2) : '');
    assert.match(row(REPORT_MESSAGES.en.cohenKappa) ?? '', /^-?\d\.\d\d \(95% CI -?\d\.\d\d to -?\d\.\d\d\)$/);
    assert.equal(tableOf(docs.en, 'agreement-by-code').rows.length, agreement.codes.filter((c) => c.units > 0).length);
    const agreementFacts = new Map(blocksOf(sectionOf(docs.fr, 'methodology'), 'facts').flatMap((b) => b.items.map((i) => [i.key, i.value] as const)));
    assert.equal(agreementFacts.get('agreement-coders'), '2 (Codeur 1 et Codeur 2)');
    assert.equal(agreementFacts.get('agreement-units'), String(agreement.overall.units).replace(/\B(?=(\d{3})+$)/g, '\u00a0'));
    // The report names no user: not the coders, not the interviewers, not the lead.
    for (const lang of ['en', 'fr'] as const) for (const u of users) assert.equal(html[lang].includes(u.name), false, `${lang} report names ${u.name}`);
  });

  test('theme prevalence by site is compareSites’, in tables and charts', async () => {
    const [comparison, codes] = await Promise.all([compareSites(project), project.listCodes()]);
    const byId = new Map(comparison.themes.map((t) => [t.codeId, t]));
    const subtree = (id: CodeId): CodeId[] => [id, ...codes.filter((c) => c.parentId === id).flatMap((c) => subtree(c.id))];
    const areas = codes.filter((c: Code) => c.parentId === null);
    for (const lang of ['en', 'fr'] as const) {
      const findings = sectionOf(docs[lang], 'findings');
      assert.deepEqual(findings.subsections.map((s) => s.title), areas.map((a) => a.name));
      let compared = 0;
      for (const area of areas) {
        const table = tableOf(docs[lang], `prevalence-${area.id}`);
        assert.deepEqual(table.head.slice(1), comparison.sites.map((s) => s.name));
        const themes = subtree(area.id).map((id) => byId.get(id)!);
        assert.equal(table.rows.length, themes.length);
        table.rows.forEach((row, i) =>
          row.cells.slice(1).forEach((cell, j) => {
            const parsed = casesShare(cell.text);
            assert.notEqual(parsed, null, cell.text);
            assert.equal(parsed!.cases, themes[i]!.cases[j]);
            assert.equal(parsed!.percent, Math.round(100 * themes[i]!.shares[j]!));
            compared++;
          }),
        );
        const figure = docBlocks(docs[lang], 'figure').find((f) => f.key === `prevalence-${area.id}`);
        assert.equal(figure?.chart.kind, 'bar');
        if (figure?.chart.kind === 'bar') {
          const charted = themes.length > 1 ? themes.slice(1) : themes;
          assert.deepEqual(figure.chart.series.map((s) => s.values), comparison.sites.map((_, j) => charted.map((t) => t.shares[j])));
          assert.equal(figure.chart.locale, lang, 'the chart prints numbers in the report’s language');
        }
      }
      assert.equal(compared > 100, true, `compared ${compared} cells`);
      const comparisonSection = sectionOf(docs[lang], 'comparison');
      const [similarities, differences] = comparisonSection.subsections;
      assert.equal(blocksOf(similarities!, 'list')[0]?.items.length ?? 0, comparison.similarities.length);
      assert.equal(blocksOf(differences!, 'list')[0]?.items.length ?? 0, comparison.differences.length);
      assert.equal(comparison.differences.length > 0, true);
    }
  });

  test('quotes are exactly the analyst’s choice, verbatim, attributed by case and site; no other transcript text appears', async () => {
    const [draft, cases, summaries, memos] = await Promise.all([project.reportDraft(), project.listCases(), project.listDocuments(), project.listMemos()]);
    assert.equal(draft.quotes.length > 5, true);
    const caseById = new Map<CaseId, Case>(cases.map((c) => [c.id, c]));
    const siteOf = (id: CaseId | null): string | undefined => {
      for (let c = id ? caseById.get(id) : undefined; c; c = c.parentId ? caseById.get(c.parentId) : undefined) if (c.kind === 'site') return c.name;
      return undefined;
    };
    const chosen = new Map<string, { start: number; end: number }[]>();
    for (const lang of ['en', 'fr'] as const) {
      const quotes = docBlocks(docs[lang], 'quote');
      assert.deepEqual(quotes.map((q) => q.segmentId).sort(), draft.quotes.map((q) => q.segmentId).sort());
      for (const q of quotes) {
        const segment = await project.getSegment(q.segmentId);
        const document = await project.getDocument(segment.documentId);
        assert.equal(q.text, sliceCodePoints(document.text, segment.start, segment.end));
        const participant = caseById.get(document.caseId!)!;
        assert.match(participant.name, /^[A-Z]{3}-\d\d$/);
        assert.equal(q.attribution, REPORT_MESSAGES[lang].attribution(participant.name, siteOf(participant.id)!));
        chosen.set(document.id, [...(chosen.get(document.id) ?? []), { start: segment.start, end: segment.end }]);
      }
      // The HTML prints the same quotes, in the same order, character for character.
      assert.deepEqual(readHtml(html[lang]).quotes, quotes.map((q) => ({ segment: q.segmentId, text: q.text })));
    }

    // A sample of the transcripts' other sentences: none is in either report.
    const texts = { en: readHtml(html.en).text, fr: readHtml(html.fr).text };
    let sampled = 0;
    for (const summary of summaries) {
      const { text } = await project.getDocument(summary.id);
      const index = new CodePointIndex(text);
      const others = sentenceRanges(index).filter((r) => r.end - r.start >= 30 && !(chosen.get(summary.id) ?? []).some((q) => overlaps(q, r)));
      for (const r of others.filter((_, i) => i % 4 === 0)) {
        const sentence = sliceCodePoints(text, r.start, r.end);
        for (const lang of ['en', 'fr'] as const) assert.equal(texts[lang].includes(sentence), false, `${lang} report prints an unchosen sentence of ${summary.name}`);
        sampled++;
      }
    }
    assert.equal(sampled > 100, true, `sampled ${sampled} sentences`);
    for (const memo of memos) for (const lang of ['en', 'fr'] as const) assert.equal(texts[lang].includes(memo.text.slice(0, 60)), false, 'a memo is printed');
  });

  test('the needs and gaps matrix and the barriers are gaps.ts’s, with words, counts and marks', async () => {
    const [matrix, barriers] = await Promise.all([gapMatrix(project), barrierPrevalence(project)]);
    assert.equal(matrix.rows.length > 0 && barriers.rows.length > 0, true);
    assert.equal(matrix.rows.some((r) => r.differs), true);
    for (const lang of ['en', 'fr'] as const) {
      const t = REPORT_MESSAGES[lang];
      const table = tableOf(docs[lang], 'gaps');
      assert.deepEqual(table.head.slice(1), matrix.sites.map((s) => s.name));
      assert.equal(table.rows.length, matrix.rows.length);
      table.rows.forEach((row, i) => {
        const source = matrix.rows[i]!;
        assert.equal(row.highlight, source.differs);
        assert.equal(row.cells[0]!.text.startsWith(source.need.name), true);
        assert.equal(row.cells[0]!.text.endsWith(t.differsMark), source.differs);
        row.cells.slice(1).forEach((cell, j) => {
          const c = source.cells[j]!;
          const decided = c.decision !== null;
          assert.equal(cell.text, `${t.statuses[c.status]} (${c.cases})${decided ? ` ${t.decidedMark}` : ''}`);
          assert.equal(cell.marked, decided);
        });
      });
      const barrierTable = tableOf(docs[lang], 'barriers');
      assert.deepEqual(barrierTable.rows.map((r) => r.cells[0]!.text), barriers.rows.map((r) => r.barrier.name));
      barrierTable.rows.forEach((row, i) =>
        barriers.rows[i]!.cases.forEach((n, j) => {
          const parsed = casesShare(row.cells[j + 1]!.text);
          assert.deepEqual(parsed, { cases: n, percent: Math.round(100 * barriers.rows[i]!.shares[j]!) });
        }),
      );
    }
  });

  test('DOCX: Word headings, real tables with header rows, charts as images (read by mammoth)', async () => {
    const doc = docs.fr;
    const bytes = await renderDocx(doc);
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const all = (re: RegExp) => [...value.matchAll(re)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    assert.deepEqual(all(/<h1>(.*?)<\/h1>/g), doc.sections.map((s) => s.title));
    assert.deepEqual(all(/<h2>(.*?)<\/h2>/g), doc.sections.flatMap((s) => s.subsections.map((x) => x.title.replace(/&/g, '&amp;'))));
    const tables = docBlocks(doc, 'table').length;
    assert.equal((value.match(/<table>/g) ?? []).length, tables);
    assert.equal((value.match(/<img [^>]*src="data:image\/png;base64,/g) ?? []).length, docBlocks(doc, 'figure').length);
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']!);
    assert.equal((xml.match(/<w:tblHeader\/>/g) ?? []).length, tables);
    assert.equal((xml.match(/<w:pStyle w:val="Heading1"\/>/g) ?? []).length, doc.sections.length);
    assert.match(strFromU8(files['word/styles.xml']!), /<w:lang w:val="fr-CA"\/>/);
    // Every quote is in the document as it is in the transcript.
    const text = readHtml(value).text;
    for (const q of docBlocks(doc, 'quote')) assert.equal(text.includes(q.text), true, q.text);
  });

  test('PDF: Chromium prints the HTML; pdftoppm renders its first pages; its text layer has the title and headings', async (t) => {
    if (!browserAvailable()) return t.skip('no Chromium');
    if (!existsSync('/usr/bin/pdftoppm')) {
      if (process.env.CI) throw new Error('pdftoppm (poppler-utils) is required in CI');
      return t.skip('no pdftoppm (apt-get install poppler-utils)');
    }
    const doc = docs.en;
    const bytes = await htmlToPdf(html.en);
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
    const file = join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    const r = spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', file, join(dir, 'page')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const pngs = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).sort();
    assert.equal(pngs.length, 2);
    for (const png of pngs) {
      const data = readFileSync(join(dir, png));
      // A4 at 50 dpi is about 413 × 585 pixels (rounding differs by a pixel).
      const [width, height] = [data.readUInt32BE(16), data.readUInt32BE(20)];
      assert.equal(Math.abs(width - 413) <= 2 && Math.abs(height - 585) <= 2, true, `${png} is ${width} × ${height}`);
      assert.equal(statSync(join(dir, png)).size > 4000, true, `${png} is nearly empty`);
    }
    const { text } = await pdfExtractor.extract(bytes, DEFAULT_LIMITS);
    const flat = text.replace(/\s+/g, ' ');
    assert.equal(flat.includes(doc.title), true, 'the title');
    for (const s of doc.sections) assert.equal(flat.includes(s.title), true, s.title);
  });
});
