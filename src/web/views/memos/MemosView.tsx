export function MemosView() {
  return <section />;
}
