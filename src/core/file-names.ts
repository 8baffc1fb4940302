// A file name made from a title (a project's, say) that every file system accepts:
// reserved and control characters become spaces, and a long title is cut at a word.

export function fileStem(title: string, fallback = 'project'): string {
  const clean = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return (clean.length > 80 ? clean.slice(0, 81).replace(/\s+\S*$/, '') : clean) || fallback;
}
