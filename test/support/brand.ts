// Quorum's accent colour: the Teams manifest's accentColor and the background of its colour icon.
export const ACCENT_COLOR = '#2F5597';
