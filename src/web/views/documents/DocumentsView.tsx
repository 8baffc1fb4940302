export function DocumentsView() {
  return <section />;
}
