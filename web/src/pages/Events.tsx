// Events: coming next.
export function EventsPage(_props: { id?: string }) {
  return <h1>Events</h1>;
}
