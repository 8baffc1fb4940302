// REFI-QDA exchange (import-qdpx, import-qdc, export-qdpx, export-qdc): every
// fixture from other tools, positions in every unit exporters use, round trips,
// the XSDs, hostile archives, and the commands as a user runs them.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { CrosswiseError } from '../src/core/errors.ts';
import type { Actor } from '../src/core/model.ts';
import { CodePointIndex } from '../src/core/text/offsets.ts';
import { pathOf } from '../src/core/invariants/tree.ts';
import { ensureDemo } from '../src/demo/build.ts';
import { exportQdc, exportQdpx } from '../src/exchange/export.ts';
import { importQdc } from '../src/exchange/import-codebook.ts';
import { importQdpx } from '../src/exchange/import-project.ts';
import type { ExchangeReport } from '../src/exchange/report.ts';
import { DEFAULT_LIMITS } from '../src/formats/types.ts';
import { openStore } from '../src/store/open.ts';
import type { ProjectStore, Store } from '../src/store/store.ts';
import { sharedPath } from './support/shared.ts';
import { BIN } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosswise-exchange-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const actor: Actor = { system: 'exchange-test' };
const refi = (...parts: string[]) => sharedPath('fixtures', 'refi', ...parts);
const fixture = (...parts: string[]) => new Uint8Array(readFileSync(refi(...parts)));
let dbCount = 0;
const newStore = () => openStore(join(dir, `s${++dbCount}.db`));

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await newStore();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const dropped = (r: ExchangeReport, what: string) => r.dropped.filter((e) => e.what === what).reduce((n, e) => n + e.count, 0);
const changedReasons = (r: ExchangeReport) => r.changed.map((e) => `${e.what}: ${e.reason}`);

/** Every coded passage with its text, for comparing projects. */
async function passages(p: ProjectStore) {
  const docs = new Map((await p.listDocuments()).map((d) => [d.id, d.name]));
  const codes = await p.listCodes();
  const users = new Map((await p.listUsers()).map((u) => [u.id, u.name]));
  const texts = new Map<string, CodePointIndex>();
  for (const id of docs.keys()) texts.set(id, new CodePointIndex((await p.getDocument(id)).text));
  return (await p.listCodings())
    .map((c) => ({
      document: docs.get(c.documentId)!,
      start: c.start,
      end: c.end,
      text: texts.get(c.documentId)!.slice(c.start, c.end),
      code: pathOf(codes, c.codeId).join('/'),
      coder: users.get(c.coderId)!,
      createdAt: c.createdAt,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** A project without its ids: what a round trip must keep. */
async function snapshot(p: ProjectStore) {
  const codes = await p.listCodes();
  const cases = await p.listCases();
  const docs = await p.listDocuments();
  const codings = await p.listCodings();
  const users = new Map((await p.listUsers()).map((u) => [u.id, u.name]));
  const casePath = (id: string | null) => (id ? pathOf(cases, id).join('/') : null);
  const segment = new Map(codings.map((c) => [c.segmentId, `${docs.find((d) => d.id === c.documentId)!.name}@${c.start}-${c.end}`]));
  const target = (t: Awaited<ReturnType<ProjectStore['listMemos']>>[number]['target']) => {
    switch (t.kind) {
      case 'project':
        return 'project';
      case 'document':
        return `document:${docs.find((d) => d.id === t.id)!.name}`;
      case 'case':
        return `case:${casePath(t.id)}`;
      case 'code':
        return `code:${pathOf(codes, t.id).join('/')}`;
      case 'segment':
        return `segment:${segment.get(t.id)}`;
    }
  };
  return {
    users: [...users.values()].sort(),
    codes: codes.map((c) => ({ path: pathOf(codes, c.id).join('/'), color: c.color, codable: c.codable, definition: c.definition, inclusion: c.inclusion, exclusion: c.exclusion, example: c.example })),
    attributes: (await p.listAttributes()).map((a) => ({ name: a.name, type: a.type, description: a.description })),
    cases: cases.map((c) => ({ path: casePath(c.id), kind: c.kind, description: c.description, attributes: c.attributes })).sort((a, b) => a.path!.localeCompare(b.path!)),
    documents: await Promise.all(docs.map(async (d) => ({ name: d.name, case: casePath(d.caseId), text: (await p.getDocument(d.id)).text }))),
    passages: await passages(p),
    memos: (await p.listMemos()).map((m) => ({ target: target(m.target), author: users.get(m.authorId), title: m.title, text: m.text })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}

async function validates(xml: Uint8Array, xsd: string): Promise<string[]> {
  const r = await validateXML({
    xml: [{ fileName: 'document.xml', contents: new TextDecoder().decode(xml) }],
    schema: [{ fileName: xsd, contents: readFileSync(refi('xsd', xsd), 'utf8') }],
  });
  return r.errors.map((e) => e.message);
}

describe('fixtures from other tools', () => {
  const cases: { file: string[]; counts: Record<string, number>; dropped: Record<string, number> }[] = [
    { file: ['atlasti-23', 'blank-atlas-project.qdpx'], counts: { users: 2 }, dropped: {} },
    { file: ['atlasti-23', 'target-atlas-project.qdpx'], counts: { users: 2, codes: 3 }, dropped: {} },
    {
      file: ['atlasti-8-spec-example', 'TestProject.qdpx'],
      counts: { users: 3, codes: 14, memos: 2 },
      // 6 text sources, 2 PDF text representations and 3 transcripts, none of whose files are in the archive.
      dropped: { sources: 11, 'source files': 13, selections: 8 + 1 + 2 + 2, codings: 9 + 2 + 2 + 1, sets: 16, graphs: 1, media: 4, 'sync points': 13, links: 0 },
    },
    {
      file: ['atlasti-8-spec-example', 'Project.qde'],
      counts: { users: 3, codes: 14, memos: 2 },
      dropped: { sources: 11, 'source files': 13, sets: 16, graphs: 1 },
    },
    { file: ['maxqda-24-codebook-only', 'project.qde'], counts: { users: 1, codes: 307 }, dropped: { sources: 10, 'source files': 10, sets: 2 } },
    { file: ['nvivo-mac-15', 'nvivo_project.qdpx'], counts: { users: 2, codes: 262, documents: 2 }, dropped: {} },
    { file: ['qc-1.3', 'demo.qdpx'], counts: { users: 1, codes: 262, documents: 2, selections: 158, codings: 205 }, dropped: {} },
  ];
  for (const c of cases) {
    test(`${c.file.join('/')} imports with the expected counts and names what it dropped`, async () => {
      await withStore(async (store) => {
        const { project, report } = await importQdpx(store, fixture(...c.file), actor);
        for (const [what, n] of Object.entries(c.counts)) assert.equal(report.counts[what] ?? 0, n, `${what} imported`);
        const stats = await project.stats();
        assert.equal(stats.codes, c.counts.codes ?? 0);
        assert.equal(stats.documents, c.counts.documents ?? 0);
        assert.equal(stats.segments, c.counts.selections ?? 0);
        assert.equal(stats.codings, c.counts.codings ?? 0);
        assert.equal(stats.memos, c.counts.memos ?? 0);
        for (const [what, n] of Object.entries(c.dropped)) assert.equal(dropped(report, what), n, `${what} dropped`);
        if (Object.keys(c.dropped).length === 0) assert.deepEqual(report.dropped, []);
        for (const e of report.dropped) assert.ok(e.reason.length > 10, 'every drop says why');
      });
    });
  }

  test('ATLAS.ti "Parent::Child" names become a hierarchy; descriptions, colours and accents survive', async () => {
    await withStore(async (store) => {
      const { project, report } = await importQdpx(store, fixture('atlasti-8-spec-example', 'TestProject.qdpx'), actor);
      const diet = await project.findCode('Coke/diet Coke');
      assert.equal(diet.definition, 'non sucré');
      assert.equal(diet.color, '#966450');
      assert.equal((await project.findCode('"rushed"')).name, '"rushed"');
      assert.equal((await project.findCode('cornflakes')).definition, 'breakfast cereal made by Kellogg’s');
      assert.ok(changedReasons(report).some((r) => r.includes('Parent::Child')));
      const memos = await project.listMemos();
      assert.deepEqual(memos.map((m) => m.target.kind), ['project', 'project']);
      assert.ok(memos.some((m) => m.title === 'Research Plan' && m.text.includes('dynamic team')));
    });
  });

  test('MAXQDA: two-level codebook with descriptions as definitions', async () => {
    await withStore(async (store) => {
      const { project } = await importQdpx(store, fixture('maxqda-24-codebook-only', 'project.qde'), actor);
      const codes = await project.listCodes();
      const top = codes.filter((c) => c.parentId === null);
      assert.ok(top.length > 1 && top.length < codes.length);
      assert.ok(codes.every((c) => c.parentId === null || top.some((t) => t.id === c.parentId)));
      assert.ok(codes.every((c) => c.definition.length > 0 && /^#[0-9a-f]{6}$/.test(c.color)));
    });
  });

  test('qc: every selection covers the characters of the source file (code points)', async () => {
    await withStore(async (store) => {
      const { project } = await importQdpx(store, fixture('qc-1.3', 'demo.qdpx'), actor);
      const raw = unzipSync(fixture('qc-1.3', 'demo.qdpx'));
      const qde = new TextDecoder().decode(raw['project.qde']);
      const first = /<TextSource plainTextPath="([^"]+)"[^>]*><PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)"/.exec(qde)!;
      const file = new TextDecoder().decode(raw[`sources/${first[1]}`]);
      const expected = [...file].slice(Number(first[2]), Number(first[3])).join('');
      assert.ok((await passages(project)).some((p) => p.text === expected));
    });
  });

  test('qdc: the codebook goes into the current project; a truncated one changes nothing', async () => {
    await withStore(async (store) => {
      const project = await store.createProject({ title: 'Codebook target' }, actor);
      const report = await importQdc(project, fixture('qdc-atlasti-23', 'atlasti-23.4.0-valid.qdc'));
      const code = await project.findCode('code1');
      assert.deepEqual([code.color, code.definition, code.codable], ['#46aa00', 'description', true]);
      assert.equal(report.counts.codes, 1);
      assert.equal(dropped(report, 'sets'), 1);
      assert.deepEqual(report.deviations, []);
      await assert.rejects(() => importQdc(project, fixture('qdc-atlasti-23', 'atlasti-23.4.0-truncated.qdc')), /not well-formed XML/);
      assert.equal((await project.listCodes()).length, 1);
      const again = await importQdc(project, fixture('qdc-atlasti-23', 'atlasti-23.4.0-valid.qdc'));
      assert.equal(again.counts.codes ?? 0, 0, 'an existing code is matched, not duplicated');
    });
  });
});

test('vendor quirks: ids, names, paths, cases, variables, notes and empty selections', async () => {
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Quirks" origin="Quirky 0.1" creatingUserGUID="u-1">
  <Users><User guid="u-1" name="Ana"/><User guid="{AAAAAAAA-0000-0000-0000-000000000002}"/></Users>
  <CodeBook><Codes>
    <Code guid="CODE-A" name="Themes" isCodable="false" color="#abc"><Code guid="code-b" name="Trust" isCodable="true"/></Code>
    <Code guid="code-c" name=" trust " isCodable="true"/><Code guid="code-d" name="TRUST" isCodable="true"/>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="v1" name="note" typeOfVariable="Text"/><Variable guid="v2" name="active" typeOfVariable="Boolean"/>
    <Variable guid="v3" name="age" typeOfVariable="Integer"/><Variable guid="v4" name="score" typeOfVariable="Float"/>
    <Variable guid="v5" name="born" typeOfVariable="Date"/><Variable guid="v6" name="seen" typeOfVariable="DateTime"/>
  </Variables>
  <Cases><Case guid="case-1">
    <VariableValue><VariableRef targetGUID="V1"/><TextValue>Montréal</TextValue></VariableValue>
    <VariableValue><VariableRef targetGUID="v2"/><BooleanValue>1</BooleanValue></VariableValue>
    <VariableValue><VariableRef targetGUID="v3"/><IntegerValue>42</IntegerValue></VariableValue>
    <VariableValue><VariableRef targetGUID="v4"/><FloatValue>2.5</FloatValue></VariableValue>
    <VariableValue><VariableRef targetGUID="v5"/><DateValue>2005-01-18Z</DateValue></VariableValue>
    <VariableValue><VariableRef targetGUID="v6"/><DateTimeValue>2005-01-18T14:00:00Z</DateTimeValue></VariableValue>
    <VariableValue><VariableRef targetGUID="v3"/><IntegerValue>many</IntegerValue></VariableValue>
    <SourceRef targetGUID="SRC-1"/>
  </Case></Cases>
  <Sources>
    <TextSource guid="src-1" name="Interview" plainTextPath="one.txt">
      <PlainTextSelection guid="sel-1" startPosition="0" endPosition="5" creatingUser="U-1">
        <Description>Opening words</Description>
        <Coding guid="cod-1" creatingUser="{aaaaaaaa-0000-0000-0000-000000000002}" creationDateTime="2020-02-03T04:05:06Z"><CodeRef targetGUID="CODE-B"/></Coding>
        <NoteRef targetGUID="note-1"/>
      </PlainTextSelection>
      <PlainTextSelection guid="sel-2" startPosition="7" endPosition="7"><Coding guid="cod-2"><CodeRef targetGUID="code-b"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="sel-3" startPosition="6" endPosition="11"><Coding guid="cod-3"><CodeRef targetGUID="code-missing"/></Coding></PlainTextSelection>
    </TextSource>
    <TextSource guid="src-2" name="Elsewhere" plainTextPath="absolute:///home/someone/secret.txt"/>
    <TextSource guid="src-3" name="Relative" plainTextPath="relative:///two.txt"/>
  </Sources>
  <Notes><Note guid="note-1" name="Why" creatingUser="u-1"><PlainTextContent>Because.</PlainTextContent></Note></Notes>
  <Sets/>
</Project>`;
  const archive = zipSync({ 'inner/MyExport.qde': strToU8(qde), 'Sources/one.txt': strToU8('Hello world, again.') });
  await withStore(async (store) => {
    const { project, report } = await importQdpx(store, archive, actor);
    const codes = await project.listCodes();
    assert.deepEqual(codes.map((c) => pathOf(codes, c.id).join('/')), ['Themes', 'Themes/Trust', 'trust', 'TRUST (2)']);
    assert.equal(codes[0]!.color, '#aabbcc');
    const [c] = await project.listCases();
    assert.equal(c!.name, 'Case 1');
    assert.deepEqual(c!.attributes, { note: 'Montréal', active: true, age: 42, score: 2.5, born: '2005-01-18', seen: '2005-01-18T14:00:00Z' });
    assert.equal(dropped(report, 'variable values'), 1);
    const [doc] = await project.listDocuments();
    assert.equal(doc!.caseId, c!.id);
    const [coding] = await project.listCodings();
    assert.deepEqual([coding!.start, coding!.end, coding!.createdAt], [0, 5, '2020-02-03T04:05:06.000Z']);
    assert.equal((await project.listUsers()).find((u) => u.id === coding!.coderId)!.name, 'User 2', 'a user without a name, referenced in another case and form');
    const memos = await project.listMemos();
    assert.deepEqual(memos.map((m) => [m.target.kind, m.text]).sort(), [['segment', 'Because.'], ['segment', 'Opening words']]);
    assert.equal(dropped(report, 'selections'), 1, 'the zero-length selection');
    assert.equal(dropped(report, 'codings'), 2, 'on the empty selection, and of an unknown code');
    assert.equal(dropped(report, 'source files'), 2, 'the absolute and the relative path');
    assert.ok(report.dropped.some((e) => /never read/.test(e.reason)));
  });
});

/** A one-source .qdpx whose selections count positions as `unit` does. */
function positionsArchive(origin: string, raw: Uint8Array, selections: [number, number][]): Uint8Array {
  const sel = selections
    .map(([s, e], i) => `<PlainTextSelection guid="00000000-0000-0000-0000-00000000010${i}" startPosition="${s}" endPosition="${e}"><Coding guid="00000000-0000-0000-0000-00000000020${i}" creatingUser="00000000-0000-0000-0000-000000000001"><CodeRef targetGUID="00000000-0000-0000-0000-000000000003"/></Coding></PlainTextSelection>`)
    .join('');
  const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Positions" origin="${origin}"><Users><User guid="00000000-0000-0000-0000-000000000001" name="Zoë"/></Users><CodeBook><Codes><Code guid="00000000-0000-0000-0000-000000000003" name="café ☕" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="00000000-0000-0000-0000-000000000004" name="Entretien" plainTextPath="internal://t.txt">${sel}</TextSource></Sources></Project>`;
  return zipSync({ 'project.qde': strToU8(qde), 'Sources/t.txt': raw });
}

describe('positions', () => {
  // Emoji (astral and ZWJ sequences), accents (precomposed and combining), CRLF and a BOM.
  const lines = ['Q: Où travaillez-vous ? 👩‍👩‍👧', 'R: À Montréal 🇨🇦, dans un refuge.', 'Q: Et les cafe\u0301s ? 😀', 'R: Très utiles pour parler.'];
  const text = lines.join('\n');
  const phrases = ['Montréal 🇨🇦', 'cafe\u0301s ? 😀', 'Très utiles', 'travaillez-vous ? 👩‍👩‍👧'];
  const raw = `\ufeff${lines.join('\r\n')}`;
  const bytes = new TextEncoder().encode(raw);

  const rangeIn = (hay: string, phrase: string, unit: 'cp' | 'utf16') => {
    const at = hay.indexOf(phrase);
    return unit === 'utf16' ? [at, at + phrase.length] as [number, number] : [[...hay.slice(0, at)].length, [...hay.slice(0, at)].length + [...phrase].length] as [number, number];
  };

  for (const [label, origin, unit] of [
    ['code points of the file (the REFI-QDA rule)', 'Some Tool 1.0', 'cp'],
    ['UTF-16 units after the BOM, CRLF as two', 'Another Tool 2.0', 'utf16'],
  ] as const) {
    test(`selections counted in ${label} land on the same characters`, async () => {
      const noBom = raw.slice(1);
      const archive = positionsArchive(origin, bytes, phrases.map((p) => rangeIn(noBom, p, unit)));
      await withStore(async (store) => {
        const { project, report } = await importQdpx(store, archive, actor);
        const got = (await passages(project)).map((p) => p.text).sort();
        assert.deepEqual(got, [...phrases].sort());
        const doc = await project.getDocument((await project.listDocuments())[0]!.id);
        assert.equal(doc.text, text, 'BOM removed, CRLF normalised');
        assert.equal(report.counts.codings, phrases.length);
      });
    });
  }
});

describe('round trips', () => {
  let demoStore: Store;
  let demo: ProjectStore;
  let exported: Uint8Array;
  before(async () => {
    demoStore = await newStore();
    demo = (await ensureDemo(demoStore)).project;
    exported = (await exportQdpx(demo)).bytes;
  });
  after(() => demoStore.close());

  test('the demo exports a .qdpx and a .qdc that validate against the REFI-QDA schemas', async () => {
    const files = unzipSync(exported);
    assert.ok(files['project.qde']);
    assert.ok(Object.keys(files).filter((n) => n !== 'project.qde').every((n) => n.startsWith('sources/')));
    assert.deepEqual(await validates(files['project.qde']!, 'Project.xsd'), []);
    const qdc = await exportQdc(demo);
    assert.deepEqual(await validates(qdc.bytes, 'Codebook.xsd'), []);
    assert.equal(qdc.report.counts.codes, (await demo.listCodes()).length);
  });

  test('the same project exports the same GUIDs every time', async () => {
    const again = unzipSync((await exportQdpx(demo)).bytes);
    const first = unzipSync(exported);
    assert.deepEqual(again['project.qde'], first['project.qde']);
    assert.deepEqual(Object.keys(again).sort(), Object.keys(first).sort());
  });

  test('Crosswise → .qdpx → new project is identical', async () => {
    await withStore(async (store) => {
      const { project, report } = await importQdpx(store, exported, actor, { title: 'Round trip' });
      assert.deepEqual(report.dropped, []);
      const [a, b] = [await snapshot(demo), await snapshot(project)];
      assert.ok(a.passages.length > 100 && a.memos.length > 0 && a.cases.length > 0);
      for (const key of Object.keys(a) as (keyof typeof a)[]) assert.deepEqual(b[key], a[key], key);
      const { report: exportReport } = await exportQdpx(demo);
      assert.ok(exportReport.dropped.some((e) => e.what === 'interviews'), 'what REFI cannot carry is reported');
    });
  });

  test('another tool’s .qdpx → Crosswise → .qdpx → Crosswise keeps every segment’s text', async () => {
    await withStore(async (store) => {
      const first = (await importQdpx(store, fixture('qc-1.3', 'demo.qdpx'), actor, { title: 'qc once' })).project;
      const second = (await importQdpx(store, (await exportQdpx(first)).bytes, actor, { title: 'qc twice' })).project;
      const [a, b] = [await passages(first), await passages(second)];
      assert.equal(a.length, 205);
      assert.deepEqual(b, a);
    });
  });
});

describe('hostile archives change nothing', () => {
  const qde = (body = '') =>
    `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Hostile"><Users><User guid="00000000-0000-0000-0000-000000000001" name="x"/></Users>${body}</Project>`;
  const zip = (files: Zippable) => zipSync(files);
  const bomb = ' '.repeat(30 * 2 ** 20);
  const hostile: [string, () => Uint8Array, RegExp][] = [
    ['an entry with ../', () => zip({ 'project.qde': strToU8(qde()), '../evil.txt': strToU8('x') }), /unsafe path/],
    ['an absolute entry', () => zip({ 'project.qde': strToU8(qde()), '/etc/passwd': strToU8('x') }), /unsafe path/],
    ['a symbolic link', () => zip({ 'project.qde': strToU8(qde()), 'sources/link.txt': [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }] }), /symbolic link/],
    ['a zip bomb', () => zip({ 'project.qde': strToU8(qde(`<!-- ${bomb} -->`)) }), /zip bomb/],
    ['a DTD with entities', () => zip({ 'project.qde': strToU8(`<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><Project name="&b;"/>`) }), /DTD/],
    ['an external entity', () => strToU8(`<?xml version="1.0"?><!DOCTYPE p SYSTEM "file:///etc/passwd"><Project name="x"/>`), /DTD/],
    ['an enormous attribute', () => zip({ 'project.qde': strToU8(qde(`<CodeBook><Codes><Code guid="00000000-0000-0000-0000-000000000002" isCodable="true" name="${'n'.repeat(200_000)}"/></Codes></CodeBook>`)) }), /characters long/],
    ['invalid UTF-8', () => zip({ 'project.qde': new Uint8Array([...strToU8('<Project name="'), 0xff, 0xfe, ...strToU8('"/>')]) }), /not valid UTF-8/],
    ['truncated XML', () => zip({ 'project.qde': strToU8(qde().slice(0, 120)) }), /not well-formed/],
    ['a different root element', () => zip({ 'project.qde': strToU8('<CodeBook/>') }), /not a REFI-QDA project/],
    ['no .qde at all', () => zip({ 'readme.txt': strToU8('hello') }), /no \.qde/],
    ['a damaged zip', () => zip({ 'project.qde': strToU8(qde()) }).slice(0, 40), /truncated or damaged/],
    ['not a REFI file', () => strToU8('just some text'), /not a REFI-QDA file/],
  ];
  for (const [label, make, message] of hostile) {
    test(`refuses ${label}`, async () => {
      await withStore(async (store) => {
        const before = (await store.listProjects()).length;
        await assert.rejects(
          () => importQdpx(store, make(), actor, { limits: DEFAULT_LIMITS }),
          (err: unknown) => err instanceof CrosswiseError && message.test(err.message),
        );
        assert.equal((await store.listProjects()).length, before);
      });
    });
  }

  test('a failure half-way through writing leaves no project behind', async () => {
    await withStore(async (store) => {
      // The store refuses the first memo, after users and codes were written in the same transaction.
      const failing: Store = Object.create(store, {
        createProject: {
          value: (input: Parameters<Store['createProject']>[0], who: Actor, fill: (p: ProjectStore) => Promise<void>) =>
            store.createProject(input, who, (p) =>
              fill(new Proxy(p, { get: (t, k) => (k === 'addMemo' ? () => Promise.reject(new Error('disk full')) : Reflect.get(t, k)) })),
            ),
        },
      });
      await assert.rejects(() => importQdpx(failing, fixture('atlasti-8-spec-example', 'TestProject.qdpx'), actor), /disk full/);
      assert.deepEqual(await store.listProjects(), []);
    });
  });
});

describe('the commands', () => {
  const crosswise = (...args: string[]) => {
    const env = { ...process.env };
    delete env.CROSSWISE_DB;
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  test('import-qdpx, import-qdc, export-qdpx and export-qdc print one JSON document with the report', () => {
    const db = join(dir, 'cli.db');
    const imported = crosswise('import-qdpx', refi('qc-1.3', 'demo.qdpx'), '--db', db, '--title', 'From qc', '--json');
    assert.equal(imported.status, 0, imported.stderr);
    const body = JSON.parse(imported.stdout) as { project: { title: string }; report: ExchangeReport };
    assert.equal(body.project.title, 'From qc');
    assert.equal(body.report.counts.codings, 205);

    const qdc = crosswise('import-qdc', refi('qdc-atlasti-23', 'atlasti-23.4.0-valid.qdc'), '--db', db, '--json');
    assert.equal(qdc.status, 0, qdc.stderr);
    assert.equal((JSON.parse(qdc.stdout) as { report: ExchangeReport }).report.counts.codes, 1);

    const out = join(dir, 'cli.qdpx');
    const exported = crosswise('export-qdpx', out, '--db', db, '--json');
    assert.equal(exported.status, 0, exported.stderr);
    assert.equal((JSON.parse(exported.stdout) as { report: ExchangeReport }).report.counts.codings, 205);
    assert.ok(unzipSync(new Uint8Array(readFileSync(out)))['project.qde']);

    const human = crosswise('export-qdc', join(dir, 'cli.qdc'), '--db', db);
    assert.equal(human.status, 0, human.stderr);
    assert.match(human.stdout, /^Wrote .*cli\.qdc\nexported: 263 codes/);
  });

  test('a hostile or missing file is one error line and exit 1; a missing argument is exit 2', () => {
    const db = join(dir, 'cli-errors.db');
    const evil = join(dir, 'evil.qdpx');
    writeFileSync(evil, zipSync({ 'project.qde': strToU8('<Project name="x"/>'), '../x': strToU8('x') }));
    for (const file of [evil, join(dir, 'absent.qdpx'), refi('qdc-atlasti-23', 'atlasti-23.4.0-truncated.qdc')]) {
      const r = crosswise('import-qdpx', file, '--db', db);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^error: [^\n]+\n$/);
    }
    assert.equal(crosswise('projects', '--db', db, '--json').stdout.trim(), '[]');
    assert.equal(crosswise('import-qdpx', '--db', db).status, 2);
  });
});
