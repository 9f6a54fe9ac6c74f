/** Saves a file the renderer produced where the person chooses in the native dialog; never anywhere else. */
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import type { IpcResult, SaveFileRequest, SaveFileResult } from '../../shared/bridge';

export interface SaveFileDependencies<Owner> {
  /** dialog.showSaveDialog attached to `owner`, the window that asked. */
  showSaveDialog: (owner: Owner, options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string }>;
  writeFile: (filePath: string, content: string) => Promise<void>;
  /** Where the dialog opens, e.g. the person's downloads folder. */
  defaultFolder: () => string;
}

const FILE_KIND: Record<string, string> = { csv: 'CSV (comma-separated values)', ics: 'Calendar invite' };

/** `request` is already parsed: its name is a plain file name with an allowed extension. */
export function createFileSaver<Owner>({ showSaveDialog, writeFile, defaultFolder }: SaveFileDependencies<Owner>) {
  return async (owner: Owner, { suggestedName, content }: SaveFileRequest): Promise<IpcResult<SaveFileResult>> => {
    const extension = path.extname(suggestedName).slice(1).toLowerCase();
    const { canceled, filePath } = await showSaveDialog(owner, {
      defaultPath: path.join(defaultFolder(), suggestedName),
      filters: [{ name: FILE_KIND[extension] ?? extension, extensions: [extension] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (canceled || filePath === undefined || filePath === '') return { ok: true, value: { saved: false, path: null } };
    try {
      await writeFile(filePath, content);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `${filePath} could not be written (${reason}); choose another folder or name` };
    }
    return { ok: true, value: { saved: true, path: filePath } };
  };
}
