export const PLUGIN_ID = 'mailroom';
