// The platforms a device may report (its own module: approval rules name them without importing the Device entity).
export const PLATFORMS = ['ANDROID', 'IOS', 'IPADOS', 'WINDOWS', 'MACOS', 'LINUX', 'WEB', 'OTHER'] as const;
export type Platform = (typeof PLATFORMS)[number];
