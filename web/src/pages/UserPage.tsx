// A user: coming next.
export function UserPage(_props: { id?: string }) {
  return <h1>A user</h1>;
}
