// The report as a Word document (the `docx` package): headings in Word's heading
// styles (so the navigation pane lists them), real tables with repeated header
// rows, charts as PNG images, a running header and page numbers.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell as DocxCell,
  TableRow as DocxRow,
  TextRun,
  WidthType,
} from 'docx';
import { chartPng } from '../charts/render.ts';
import type { Block, ReportDocument, Section, TableCell, Tone } from './model.ts';

const NUMBERED = 'report-numbered';
const MUTED = '5B6472';
const ACCENT = '163F80';
const TONE_FILL: Record<Tone, string> = { good: 'E2F2E5', partial: 'FFF0D1', bad: 'F9DEDE', none: 'F1F2F4' };
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
/** The A4 text width with 2 cm margins, in the pixels (1/96 in) ImageRun sizes are given in. */
const TEXT_WIDTH_PX = 640;
const LOCALES = { en: 'en-CA', fr: 'fr-CA' } as const;

/** A PNG's pixel size, from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function cell(c: TableCell, options: { header?: boolean; rowHeader?: boolean; highlight?: boolean }): DocxCell {
  const fill = options.header ? 'EEF2F8' : c.tone ? TONE_FILL[c.tone] : options.highlight && options.rowHeader ? 'FFF6BF' : undefined;
  return new DocxCell({
    ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
    children: [
      new Paragraph({
        alignment: c.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text: c.text, bold: Boolean(options.header || options.rowHeader || c.marked), size: 18 })],
      }),
    ],
  });
}

/** Each ordered list restarts its numbering: a new instance of the one numbering definition. */
function blocks(b: Block, doc: ReportDocument, lists: { n: number }): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun({ text: b.text, ...(b.note ? { color: MUTED, italics: true, size: 19 } : {}) })], spacing: { after: 120 } })];
    case 'list': {
      const instance = ++lists.n;
      return b.items.map(
        (text) => new Paragraph({ text, ...(b.ordered ? { numbering: { reference: NUMBERED, level: 0, instance } } : { bullet: { level: 0 } }) }),
      );
    }
    case 'facts':
      return b.items.map((i) => new Paragraph({ children: [new TextRun({ text: `${i.term}${doc.labelSeparator}`, bold: true }), new TextRun(i.value)] }));
    case 'table': {
      const header = new DocxRow({ tableHeader: true, children: b.head.map((h) => cell({ text: h }, { header: true })) });
      const rows = b.rows.map(
        (r) => new DocxRow({ cantSplit: true, children: r.cells.map((c, i) => cell(c, { rowHeader: i === 0, highlight: r.highlight ?? false })) }),
      );
      return [
        new Paragraph({ keepNext: true, spacing: { before: 200, after: 80 }, children: [new TextRun({ text: b.caption, bold: true })] }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        ...b.notes.map((n) => new Paragraph({ children: [new TextRun({ text: n, color: MUTED, size: 17 })] })),
      ];
    }
    case 'figure': {
      const png = chartPng(b.chart, undefined, 2);
      const size = pngSize(png);
      const width = Math.min(TEXT_WIDTH_PX, size.width / 2);
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 200 },
          children: [
            new ImageRun({
              type: 'png',
              data: png,
              transformation: { width, height: Math.round((width * size.height) / size.width) },
              altText: { name: b.key, title: b.caption, description: b.caption },
            }),
          ],
        }),
        new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: b.caption, color: MUTED, italics: true, size: 18 })] }),
      ];
    }
    case 'quote':
      return [
        new Paragraph({
          indent: { left: 567 },
          keepNext: true,
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: ACCENT, space: 8 } },
          children: [new TextRun({ text: b.text, italics: true })],
        }),
        new Paragraph({
          indent: { left: 567 },
          spacing: { after: 200 },
          children: [new TextRun({ text: `— ${b.attribution} · ${b.theme}`, color: MUTED, size: 18 })],
        }),
      ];
  }
}

function section(s: Section, doc: ReportDocument, depth: number, lists: { n: number }): (Paragraph | Table)[] {
  return [
    new Paragraph({ text: s.title, heading: HEADINGS[Math.min(depth, HEADINGS.length - 1)]!, pageBreakBefore: depth === 0 }),
    ...s.blocks.flatMap((b) => blocks(b, doc, lists)),
    ...s.subsections.flatMap((x) => section(x, doc, depth + 1, lists)),
  ];
}

export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const lists = { n: 0 };
  const small = (text: string) => new TextRun({ text, color: MUTED, size: 16 });
  const document = new Document({
    creator: 'Crosswise',
    title: doc.title,
    description: doc.kind,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 21, language: { value: LOCALES[doc.lang] } } },
        title: { run: { size: 48, bold: true, color: '1D2430' }, paragraph: { spacing: { after: 160 } } },
      },
    },
    numbering: {
      config: [{ reference: NUMBERED, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 340 } } } }] }],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } }, titlePage: true },
        headers: { default: new Header({ children: [new Paragraph({ children: [small(doc.runningHeader)] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: [`${doc.pageLabel} `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], color: MUTED, size: 16 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ children: [new TextRun({ text: doc.kind.toLocaleUpperCase(doc.lang), bold: true, color: ACCENT })] }),
          new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: doc.date, color: MUTED })], spacing: { after: 400 } }),
          new Paragraph({ children: [new TextRun({ text: doc.contentsTitle, bold: true })] }),
          ...doc.sections.map((s) => new Paragraph({ text: s.title, numbering: { reference: NUMBERED, level: 0, instance: 0 } })),
          ...doc.sections.flatMap((s) => section(s, doc, 0, lists)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
