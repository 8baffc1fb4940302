import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { makeDocx, oleFile, rawZip, storedEntry, truncated, zipBomb, type RawEntry } from '../../test/support/office-files.ts';
import { crc32, DAMAGED, hasDoctype, listZipEntries, RATIO_FLOOR_BYTES, readZipEntries, sniffContainer } from './zip.ts';
import { DEFAULT_LIMITS, type Limits } from './types.ts';

const MiB = 2 ** 20;
const all = () => true;
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

const deflatedEntry = (name: string, text: string, extra: Partial<RawEntry> = {}): RawEntry => {
  const raw = strToU8(text);
  return { name, data: deflateSync(raw), method: 8, crc: crc32(raw), size: raw.length, ...extra };
};

/** Runs `read`, expecting it to refuse with `message`; returns how long it took and how much the peak RSS grew. */
function refusal(read: () => unknown, message: string | RegExp) {
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const started = performance.now();
  assert.throws(read, typeof message === 'string' ? { message } : message);
  return { ms: performance.now() - started, rssGrowth: process.resourceUsage().maxRSS * 1024 - rssBefore };
}

// First in the file, so the peak-RSS measure is not hidden by an earlier, larger peak.
test('a bomb that lies about its size is stopped by the real output, quickly and in little memory', () => {
  const bomb = zipBomb({ bytes: 300 * MiB, lie: true });
  assert.equal(listZipEntries(bomb).find((e) => e.name === 'word/document.xml')!.size, 1000);
  const limits: Limits = { ...DEFAULT_LIMITS, maxUnzippedBytes: 20 * MiB, maxZipRatio: 1_000_000 };
  const { ms, rssGrowth } = refusal(() => readZipEntries(bomb, limits, all), 'the file expands to more than 20.0 MB (possible zip bomb)');
  assert.ok(ms < 10_000, `took ${ms} ms`);
  assert.ok(rssGrowth < 120 * MiB, `peak memory grew by ${rssGrowth / MiB} MB`);
});

test('the ratio cap also applies to the real output of a lying bomb', () => {
  const bomb = zipBomb({ bytes: 300 * MiB, lie: true });
  const limits: Limits = { ...DEFAULT_LIMITS, maxZipRatio: 5 };
  const { rssGrowth } = refusal(() => readZipEntries(bomb, limits, all), 'the file has a compression ratio above 5:1 (possible zip bomb)');
  assert.ok(rssGrowth < 120 * MiB, `peak memory grew by ${rssGrowth / MiB} MB`);
});

test('a 300 MB bomb that declares its size is refused before anything is inflated', () => {
  const bomb = zipBomb();
  assert.ok(bomb.length < 3 * MiB);
  const { rssGrowth } = refusal(() => readZipEntries(bomb, DEFAULT_LIMITS, all), 'the file expands to more than 200.0 MB (possible zip bomb)');
  assert.ok(rssGrowth < 20 * MiB, `peak memory grew by ${rssGrowth / MiB} MB`);
});

test('a declared ratio above the cap is refused, below the byte cap', () => {
  const bomb = zipBomb({ bytes: 100 * MiB });
  refusal(() => readZipEntries(bomb, DEFAULT_LIMITS, all), 'the file has a compression ratio above 100:1 (possible zip bomb)');
});

test('small outputs are read whatever their ratio; the ratio cap starts at RATIO_FLOOR_BYTES', () => {
  const zeros = zipBomb({ bytes: 5 * MiB });
  assert.ok(5 * MiB / zeros.length > 100);
  assert.equal(readZipEntries(zeros, DEFAULT_LIMITS, all).get('word/document.xml')!.length, 1 + 258 * Math.ceil((5 * MiB - 1) / 258));
  assert.equal(RATIO_FLOOR_BYTES, 10 * MiB);
});

test('entries that are not wanted are never inflated, so a bomb among the media does no harm', () => {
  const file = rawZip([
    storedEntry('word/document.xml', '<w:document/>'),
    { ...deflatedEntry('word/media/image1.png', 'x'), size: 300 * MiB },
  ]);
  const parts = readZipEntries(file, DEFAULT_LIMITS, (n) => n.endsWith('.xml'));
  assert.deepEqual([...parts.keys()], ['word/document.xml']);
  assert.equal(decode(parts.get('word/document.xml')), '<w:document/>');
});

test('reads stored and deflated entries, with UTF-8 names, from fflate and hand-written zips', () => {
  const made = zipSync({ 'a.txt': strToU8('été ✓'), 'dossier/b.xml': [strToU8('<b/>'), { level: 0 }], 'empty/': new Uint8Array(0) });
  const parts = readZipEntries(made, DEFAULT_LIMITS, all);
  assert.deepEqual([...parts.keys()].sort(), ['a.txt', 'dossier/b.xml']);
  assert.equal(decode(parts.get('a.txt')), 'été ✓');
  const raw = rawZip([deflatedEntry('entrevue-é.xml', 'Bonjour 🙂'.repeat(100)), storedEntry('s.xml', '')]);
  const rawParts = readZipEntries(raw, DEFAULT_LIMITS, all);
  assert.equal(decode(rawParts.get('entrevue-é.xml')), 'Bonjour 🙂'.repeat(100));
  assert.equal(rawParts.get('s.xml')!.length, 0);
});

test('ZIP64 sizes in the extra field are read', () => {
  const file = rawZip([deflatedEntry('word/document.xml', 'zip64 text', { zip64: true })]);
  const [entry] = listZipEntries(file);
  assert.equal(entry!.size, 10);
  assert.equal(decode(readZipEntries(file, DEFAULT_LIMITS, all).get('word/document.xml')), 'zip64 text');
});

test('a zip comment, or padding after the end record, is no damage', () => {
  const docx = makeDocx(['Bonjour']);
  const padded = new Uint8Array(docx.length + 512);
  padded.set(docx);
  assert.ok(readZipEntries(padded, DEFAULT_LIMITS, all).has('word/document.xml'));
  // An entry comment in the central directory, then an archive comment after the end record.
  const base = zipSync({ 'a.xml': strToU8('<a/>') }, { comment: 'entry comment' });
  const comment = strToU8('archive comment');
  const withComment = new Uint8Array(base.length + comment.length);
  withComment.set(base);
  withComment.set(comment, base.length);
  new DataView(withComment.buffer).setUint16(base.length - 2, comment.length, true);
  assert.equal(decode(readZipEntries(withComment, DEFAULT_LIMITS, all).get('a.xml')), '<a/>');
});

test('truncated or damaged containers get one clear message', () => {
  const docx = makeDocx(['Une phrase assez longue pour que la moitié du fichier soit coupée.']);
  for (const keep of [docx.length - 1, docx.length - 22, Math.floor(docx.length / 2), 40, 4]) {
    assert.throws(() => readZipEntries(truncated(docx, keep), DEFAULT_LIMITS, all), { message: DAMAGED }, `kept ${keep} bytes`);
  }
  assert.match(DAMAGED, /^not a valid zip container \(truncated or damaged\)/);
});

test('a corrupted deflate stream, a wrong CRC or a wrong declared size is damage', () => {
  const good = deflatedEntry('c.xml', 'du texte, du texte, encore du texte');
  assert.equal(decode(readZipEntries(rawZip([good]), DEFAULT_LIMITS, all).get('c.xml')), 'du texte, du texte, encore du texte');
  const corrupt = good.data.slice();
  corrupt[0] = 0xff; // invalid block type
  assert.throws(() => readZipEntries(rawZip([{ ...good, data: corrupt }]), DEFAULT_LIMITS, all), { message: DAMAGED });
  const cut = good.data.slice(0, good.data.length - 3);
  assert.throws(() => readZipEntries(rawZip([{ ...good, data: cut }]), DEFAULT_LIMITS, all), { message: DAMAGED });
  assert.throws(() => readZipEntries(rawZip([{ ...good, crc: good.crc ^ 1 }]), DEFAULT_LIMITS, all), { message: DAMAGED });
  assert.throws(() => readZipEntries(rawZip([{ ...good, size: good.size + 1 }]), DEFAULT_LIMITS, all), { message: DAMAGED });
});

test('encrypted entries and unknown compression methods are refused with what to do', () => {
  const encrypted = rawZip([storedEntry('word/document.xml', 'secret', 0x1)]);
  assert.throws(() => readZipEntries(encrypted, DEFAULT_LIMITS, all), {
    message: 'the file is encrypted (password-protected zip entries): remove the password and import it again',
  });
  const bzip2 = rawZip([{ ...storedEntry('word/document.xml', 'x'), method: 12 }]);
  assert.throws(() => readZipEntries(bzip2, DEFAULT_LIMITS, all), /unsupported zip compression method \(12\)/);
  // An encrypted entry nobody asked for does not matter.
  const partly = rawZip([storedEntry('a.xml', 'ok'), storedEntry('b.bin', 'secret', 0x1)]);
  assert.equal(decode(readZipEntries(partly, DEFAULT_LIMITS, (n) => n === 'a.xml').get('a.xml')), 'ok');
});

test('files that are not zips, and files over the size limit, are refused', () => {
  assert.equal(sniffContainer(new Uint8Array(0)), 'empty');
  assert.equal(sniffContainer(oleFile()), 'ole');
  assert.equal(sniffContainer(strToU8('Interviewer: bonjour')), 'other');
  assert.equal(sniffContainer(makeDocx(['x'])), 'zip');
  assert.throws(() => readZipEntries(strToU8('Interviewer: bonjour'), DEFAULT_LIMITS, all), { message: 'not a zip container' });
  assert.throws(() => readZipEntries(makeDocx(['x']), { ...DEFAULT_LIMITS, maxFileBytes: 100 }, all), /more than the 0\.0 MB allowed/);
});

test('crc32 and DTD detection', () => {
  assert.equal(crc32(strToU8('123456789')), 0xcbf43926);
  assert.equal(crc32(strToU8('6789'), crc32(strToU8('12345'))), 0xcbf43926);
  assert.equal(hasDoctype(strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>')), true);
  assert.equal(hasDoctype(strToU8('<?xml version="1.0"?><x>&lt;!DOCTYPE</x>')), false);
});
