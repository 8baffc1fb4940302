// A synthetic corpus for the import benchmark, written file by file (never held
// in memory): transcripts built from the demo transcripts' vocabulary.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small deterministic PRNG (mulberry32), so every run imports the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const transcripts = join(import.meta.dirname, '..', 'src', 'demo', 'transcripts');
const VOCABULARY = readdirSync(transcripts)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(transcripts, f), 'utf8').split(/\s+/))
  .filter((w) => w && !w.includes(':') && !w.startsWith('['));

/** Interviewer/respondent paragraphs totalling about `words` words. */
export function transcriptParagraphs(seed: number, words: number): string[] {
  const rnd = random(seed);
  const paragraphs: string[] = [];
  for (let total = 0, turn = 0; total < words; turn++) {
    const length = turn % 2 === 0 ? 15 + Math.floor(rnd() * 25) : 60 + Math.floor(rnd() * 120);
    const body = Array.from({ length }, () => VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]).join(' ');
    paragraphs.push(`${turn % 2 === 0 ? 'Interviewer' : 'Respondent'}: ${body}`);
    total += length;
  }
  return paragraphs;
}

export interface CorpusSpec {
  texts: number;
  wordsPerText: number;
  docx: number;
  wordsPerDocx: number;
  pdfs: number;
  pagesPerPdf: number;
}

/** Writes the corpus into dir/text, dir/docx and dir/pdf. */
export async function writeCorpus(dir: string, spec: CorpusSpec): Promise<void> {
  const { makeDocx } = await import('../test/support/office-files.ts');
  const { makePdf } = await import('../test/support/pdf-files.ts');
  for (const sub of ['text', 'docx', 'pdf']) mkdirSync(join(dir, sub), { recursive: true });
  for (let i = 0; i < spec.texts; i++) {
    writeFileSync(join(dir, 'text', `T${String(i).padStart(4, '0')}.txt`), transcriptParagraphs(i, spec.wordsPerText).join('\n\n'));
  }
  for (let i = 0; i < spec.docx; i++) {
    writeFileSync(join(dir, 'docx', `D${String(i).padStart(4, '0')}.docx`), makeDocx(transcriptParagraphs(10_000 + i, spec.wordsPerDocx)));
  }
  for (let i = 0; i < spec.pdfs; i++) {
    const paragraphs = transcriptParagraphs(20_000 + i, spec.pagesPerPdf * 350);
    // About 45 lines of 80 characters a page, as a printed transcript has.
    const lines = paragraphs.join(' ').match(/.{1,80}(\s|$)/g)!.map((l) => l.trim());
    const pages = Array.from({ length: spec.pagesPerPdf }, (_, p) => lines.slice(p * 45, (p + 1) * 45));
    writeFileSync(join(dir, 'pdf', `P${String(i).padStart(4, '0')}.pdf`), makePdf(pages));
  }
}
