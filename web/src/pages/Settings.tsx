// Settings: coming next.
export function SettingsPage(_props: { id?: string }) {
  return <h1>Settings</h1>;
}
