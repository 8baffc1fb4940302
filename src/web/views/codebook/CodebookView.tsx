export function CodebookView() {
  return <section />;
}
