/** Names the current sort, filters and grouping and keeps them in the settings as a saved view. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
} from '@fluentui/react-components';
import { useState } from 'react';
import { settingsActions, useSettingsStore } from '../../data/stores/settings-store';
import { leadActions, useLeadStore } from '../../data/stores/lead-store';
import { saveView, viewNamed } from './saved-views';

export function SaveViewDialog({ onClose }: { onClose: () => void }) {
  const views = useSettingsStore((s) => s.settings.leadViews);
  const layout = useLeadStore((s) => s.layout);
  const activeName = useLeadStore((s) => views.find((view) => view.id === s.activeViewId)?.name ?? '');
  const [name, setName] = useState(activeName);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const replacing = viewNamed(views, name) !== undefined;

  const save = async () => {
    const result = saveView(views, name, layout, crypto.randomUUID());
    if (!result.ok) return setError(result.error);
    setSaving(true);
    const refused = await settingsActions.update({ leadViews: result.views });
    setSaving(false);
    if (refused !== null) return setError(refused);
    leadActions.markActive(result.view.id);
    onClose();
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>Save view</DialogTitle>
            <DialogContent>
              <Field
                label="View name"
                hint={
                  replacing
                    ? 'A view with this name exists: saving replaces it.'
                    : 'Keeps the current sort, filters and grouping.'
                }
                validationMessage={error}
              >
                <Input
                  autoFocus
                  value={name}
                  maxLength={60}
                  onChange={(_, data) => {
                    setName(data.value);
                    setError(null);
                  }}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={saving}>
                {replacing ? 'Replace' : 'Save'}
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
