/** The HTTP contract between the console and the ticketing portal. */
export * from './auth';
export * from './errors';
export * from './sync';

export const API_PREFIX = '/api/v1';
export const DEFAULT_SERVER_PORT = 4317;
export const DEFAULT_SERVER_URL = `http://127.0.0.1:${DEFAULT_SERVER_PORT}`;
export { DESKTOP_CONSOLE_ORIGIN } from '../desktop-origin';
export * from './intake';
