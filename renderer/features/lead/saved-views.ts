/** The lead's saved views: naming the current layout (replacing a view of the same name), and deleting one. */
import { SavedLeadView, type LeadLayout } from '../../../shared/bridge';

/** As many as the settings keep. */
export const MAX_SAVED_VIEWS = 50;

/** The saved view `name` would replace: names match ignoring case and surrounding spaces. */
export const viewNamed = (views: readonly SavedLeadView[], name: string): SavedLeadView | undefined =>
  views.find((view) => view.name.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase());

export type SaveViewResult = { ok: true; views: SavedLeadView[]; view: SavedLeadView } | { ok: false; error: string };

/** `newId` names a view that is new; a view with the same name keeps its id and place. */
export function saveView(
  views: readonly SavedLeadView[],
  name: string,
  layout: LeadLayout,
  newId: string,
): SaveViewResult {
  const existing = viewNamed(views, name);
  if (existing === undefined && views.length >= MAX_SAVED_VIEWS) {
    return { ok: false, error: `You have ${MAX_SAVED_VIEWS} saved views, the most kept; delete one first.` };
  }
  const parsed = SavedLeadView.safeParse({ ...layout, id: existing?.id ?? newId, name });
  // Shown under the name field, so the message alone: "give the view a name".
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((issue) => issue.message).join('; ') };
  const view = parsed.data;
  const next = existing === undefined ? [...views, view] : views.map((v) => (v.id === existing.id ? view : v));
  return { ok: true, views: next, view };
}

export const deleteView = (views: readonly SavedLeadView[], id: string): SavedLeadView[] =>
  views.filter((view) => view.id !== id);
