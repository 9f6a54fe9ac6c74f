// The save-file and notify channels: payloads parsed with the field named in each refusal, the
// native dialog deciding where a file goes, and notifications replaced by tag.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeChannel, DEFAULT_SETTINGS, MAX_SAVE_FILE_BYTES } from '../../../shared/bridge';
import { registerBridgeHandlers } from '../../../electron/main/ipc';
import { createNotifier } from '../../../electron/main/notify';
import { createFileSaver } from '../../../electron/main/save-file';
import { createSettingsStore } from '../../../electron/main/settings';
import { writeFile } from 'node:fs/promises';
import { FakeIpcMain, Notification, dialog } from './fake-electron';

const consolePage = 'app://console/index.html';
const csv = 'Ticket,Customer\r\nCSS-104233,Contoso Ltd\r\n';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'css-console-save-'));
  Notification.supported = true;
  Notification.created.length = 0;
});
afterEach(() => rm(folder, { recursive: true, force: true }));

function bridge() {
  const ipcMain = new FakeIpcMain();
  const log = vi.fn();
  registerBridgeHandlers(ipcMain, {
    appInfo: { name: 'CSS Engineer Console', version: '0.1.0', host: 'electron', serverUrlSetByIt: false },
    settings: createSettingsStore({ store: { ...DEFAULT_SETTINGS } }, vi.fn()),
    saveFile: createFileSaver({
      showSaveDialog: (owner, options) => dialog.showSaveDialog(owner, options),
      writeFile: (filePath, content) => writeFile(filePath, content, 'utf8'),
      defaultFolder: () => '/home/anna/Downloads',
    }),
    notify: createNotifier({
      isSupported: () => Notification.isSupported(),
      create: (o) => new Notification(o),
      openTicket: vi.fn(),
    }),
    token: { read: () => null, store: vi.fn(), clear: vi.fn() },
    showStatus: vi.fn(),
    origin: new URL(consolePage),
    log,
  });
  const invoke = (channel: string, ...args: unknown[]) =>
    Promise.resolve(ipcMain.invoke(channel, consolePage, ...args));
  return { ipcMain, invoke, log };
}

describe('the saveFile channel', () => {
  it.each([
    [
      'a name with a folder',
      { suggestedName: '../escalations.csv', content: csv },
      'saveFile.suggestedName: the file name must be a plain name such as escalations.csv, without folders or the characters \\ / : * ? " < > |',
    ],
    [
      'a Windows path',
      { suggestedName: 'C:\\Users\\anna\\escalations.csv', content: csv },
      'saveFile.suggestedName: the file name must be a plain name such as escalations.csv, without folders or the characters \\ / : * ? " < > |',
    ],
    [
      'an extension not allowed',
      { suggestedName: 'escalations.exe', content: csv },
      'saveFile.suggestedName: the file name must end in .csv or .ics',
    ],
    [
      'a hidden file',
      { suggestedName: '.bashrc.csv', content: csv },
      'saveFile.suggestedName: the file name must not start with a dot',
    ],
    [
      'a name too long',
      { suggestedName: `${'e'.repeat(197)}.csv`, content: csv },
      'saveFile.suggestedName: the file name must be at most 200 characters',
    ],
    [
      'content over 20 MB',
      { suggestedName: 'escalations.csv', content: 'x'.repeat(MAX_SAVE_FILE_BYTES + 1) },
      'saveFile.content: the file is larger than 20 MB; export fewer rows',
    ],
    [
      'content over 20 MB once encoded as UTF-8',
      { suggestedName: 'escalations.csv', content: 'é'.repeat(MAX_SAVE_FILE_BYTES / 2 + 1) },
      'saveFile.content: the file is larger than 20 MB; export fewer rows',
    ],
    [
      'missing content',
      { suggestedName: 'escalations.csv' },
      'saveFile.content: Invalid input: expected string, received undefined',
    ],
    [
      'an unknown key',
      { suggestedName: 'escalations.csv', content: csv, path: '/etc/passwd' },
      'saveFile: Unrecognized key: "path"',
    ],
  ])('refuses %s, naming the field, without opening the dialog', async (_case, request, error) => {
    const { invoke } = bridge();
    expect(await invoke(BridgeChannel.saveFile, request)).toEqual({ ok: false, error });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('opens the dialog on the asking window in the downloads folder, and writes nothing when cancelled', async () => {
    const { ipcMain, invoke } = bridge();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    expect(await invoke(BridgeChannel.saveFile, { suggestedName: 'escalations.csv', content: csv })).toEqual({
      ok: true,
      value: { saved: false, path: null },
    });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(ipcMain.sender, {
      defaultPath: path.join('/home/anna/Downloads', 'escalations.csv'),
      filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(await readdir(folder)).toEqual([]);
  });

  it('writes the content as UTF-8 where the person chose', async () => {
    const { invoke } = bridge();
    const chosen = path.join(folder, 'team escalations.csv');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const content = `\uFEFF${csv}CSS-104240,Müller & Söhne GmbH\r\n`;
    expect(await invoke(BridgeChannel.saveFile, { suggestedName: 'escalations.csv', content })).toEqual({
      ok: true,
      value: { saved: true, path: chosen },
    });
    expect(await readFile(chosen, 'utf8')).toBe(content);
  });

  it('answers a failed write with what to do instead of throwing', async () => {
    const { invoke } = bridge();
    const chosen = path.join(folder, 'no-such-folder', 'escalations.csv');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const result = await invoke(BridgeChannel.saveFile, { suggestedName: 'escalations.csv', content: csv });
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/could not be written \(ENOENT.*\); choose another folder or name$/) as string,
    });
  });

  it('answers a dialog that fails with an error, logged', async () => {
    const { invoke, log } = bridge();
    dialog.showSaveDialog.mockRejectedValueOnce(new Error('no display'));
    expect(await invoke(BridgeChannel.saveFile, { suggestedName: 'escalations.csv', content: csv })).toEqual({
      ok: false,
      error: 'bridge:save-file failed: Error: no display',
    });
    expect(log).toHaveBeenCalledWith('bridge:save-file failed: Error: no display');
  });
});

describe('the notify channel', () => {
  const reminder = { title: 'Follow-up due', body: 'CSS-104233: chase Microsoft', tag: 'follow-up:CSS-104233' };

  it.each([
    [
      'a body over 500 characters',
      { ...reminder, body: 'b'.repeat(501) },
      'notify.body: the text must be at most 500 characters',
    ],
    [
      'a title over 120 characters',
      { ...reminder, title: 't'.repeat(121) },
      'notify.title: the title must be at most 120 characters',
    ],
    ['an empty title', { ...reminder, title: '' }, 'notify.title: the title is empty'],
    [
      'a tag over 200 characters',
      { ...reminder, tag: 't'.repeat(201) },
      'notify.tag: the tag must be at most 200 characters',
    ],
    ['a missing tag', { title: 'Due', body: '' }, 'notify.tag: Invalid input: expected string, received undefined'],
  ])('refuses %s, naming the field', async (_case, request, error) => {
    const { invoke } = bridge();
    expect(await invoke(BridgeChannel.notify, request)).toEqual({ ok: false, error });
    expect(Notification.created).toEqual([]);
  });

  it('shows a notification, and a later one with the same tag replaces it', async () => {
    const { invoke } = bridge();
    expect(await invoke(BridgeChannel.notify, reminder)).toEqual({ ok: true, value: { shown: true } });
    expect(await invoke(BridgeChannel.notify, { ...reminder, body: 'CSS-104233: overdue' })).toEqual({
      ok: true,
      value: { shown: true },
    });
    await invoke(BridgeChannel.notify, { ...reminder, tag: 'follow-up:CSS-104240' });
    const [first, second, other] = Notification.created;
    expect(first?.options).toEqual({ title: 'Follow-up due', body: 'CSS-104233: chase Microsoft' });
    expect(first?.close).toHaveBeenCalledTimes(1);
    expect(second?.close).not.toHaveBeenCalled();
    expect(other?.close).not.toHaveBeenCalled();
    expect(Notification.created.map((n) => n.show.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('answers shown: false, quietly, where notifications are not supported', async () => {
    const { invoke, log } = bridge();
    Notification.supported = false;
    expect(await invoke(BridgeChannel.notify, reminder)).toEqual({ ok: true, value: { shown: false } });
    expect(Notification.created).toEqual([]);
    expect(log).not.toHaveBeenCalled();
  });
});
