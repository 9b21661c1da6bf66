// A device: coming next.
export function DevicePage(_props: { id?: string }) {
  return <h1>A device</h1>;
}
