/** Where the desktop shell serves the console from, over its own app:// protocol; free of zod, for the shell. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
/** The origin of the console in the desktop shell: the one browser origin the portal always lets call it. */
export const DESKTOP_CONSOLE_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
