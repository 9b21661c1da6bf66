// Devices: coming next.
export function DevicesPage(_props: { id?: string }) {
  return <h1>Devices</h1>;
}
