export function OverviewView() {
  return <section />;
}
