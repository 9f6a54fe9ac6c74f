/** The lists a customer page offers (time zones, priorities, product areas, resellers), as <option>s. */
import { PRIORITY_LABEL, SCOPE_LABEL } from '../../shared/domain/ticket-labels';
import { Priority, Scope } from '../../shared/domain/ticket';
import { type Markup, html } from './html';
import type { Reseller } from './store';

/** The impact each priority stands for, so the requester picks by impact rather than by urgency felt. */
const PRIORITY_IMPACT: Record<Priority, string> = {
  critical: 'a service is down for the whole organisation',
  high: 'many users are affected or a key function is impaired',
  normal: 'some users are affected, or a workaround exists',
  low: 'a question, or an issue with little impact',
};

export interface Option {
  value: string;
  label: string;
}

export const PRIORITY_CHOICES: readonly Option[] = Priority.options.map((value) => ({
  value,
  label: `${PRIORITY_LABEL[value]}: ${PRIORITY_IMPACT[value]}`,
}));

export const SCOPE_CHOICES: readonly Option[] = Scope.options.map((value) => ({ value, label: SCOPE_LABEL[value] }));

export const resellerChoices = (resellers: readonly Reseller[]): Option[] =>
  resellers.map((reseller) => ({ value: reseller.id, label: reseller.name }));

/** The runtime's zones by region, for the time-zone list. */
const TIME_ZONE_GROUPS: ReadonlyMap<string, string[]> = Intl.supportedValuesOf('timeZone').reduce((groups, zone) => {
  const region = zone.split('/')[0] ?? zone;
  groups.set(region, [...(groups.get(region) ?? []), zone]);
  return groups;
}, new Map<string, string[]>());

export const options = (choices: readonly Option[], selected: string | undefined): Markup[] =>
  choices.map(
    ({ value, label }) =>
      html`<option value="${value}" ${value === selected ? html` selected` : null}>${label}</option>`,
  );

export function timeZoneOptions(selected: string): Markup[] {
  // UTC is not among the runtime's zones, but customers do ask for it.
  const known = selected === 'UTC' || [...TIME_ZONE_GROUPS.values()].some((zones) => zones.includes(selected));
  const asOptions = (zones: string[]) =>
    options(
      zones.map((zone) => ({ value: zone, label: zone })),
      selected,
    );
  return [
    // A zone the list lacks (an old alias, a typo sent by another client) is still shown, so it can be corrected.
    ...(known ? [] : asOptions([selected])),
    ...asOptions(['UTC']),
    ...[...TIME_ZONE_GROUPS].map(([region, zones]) => html`<optgroup label="${region}">${asOptions(zones)}</optgroup>`),
  ];
}
