export function RetrievalView(_props: { codeId: string | null }) {
  return <section />;
}
