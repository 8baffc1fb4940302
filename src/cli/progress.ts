// A progress bar for long work, drawn on stderr only when it is a terminal:
// pipes, files and CI stay quiet.

export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  finish(): void;
}

const QUIET: ProgressBar = { update() {}, finish() {} };

export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return QUIET;
  let drawn = false;
  return {
    update(done, total, label) {
      const width = Math.max(20, (stream.columns || 80) - 1);
      const barWidth = Math.min(30, Math.floor(width / 3));
      const filled = total ? Math.round((done / total) * barWidth) : 0;
      const head = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${done}/${total} `;
      const room = width - head.length;
      const tail = label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
      stream.write(`\r${head}${tail}`.padEnd(width + 1).slice(0, width + 1));
      drawn = true;
    },
    finish() {
      if (drawn) stream.write(`\r${' '.repeat(Math.max(20, (stream.columns || 80) - 1))}\r`);
    },
  };
}
