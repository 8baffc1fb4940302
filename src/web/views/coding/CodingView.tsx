export function CodingView(_props: { documentId: string; at: number | null }) {
  return <section />;
}
