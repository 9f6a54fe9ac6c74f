/** What people read for a ticket's priority, scope, channel and support plan (stage and status labels are in flow-labels.ts). */
import type { SupportPlan } from './customer';
import type { Channel, Priority, Scope } from './ticket';

export const PRIORITY_LABEL: Record<Priority, string> = {
  critical: 'Critical',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};

export const SCOPE_LABEL: Record<Scope, string> = {
  exchange_online: 'Exchange Online',
  teams: 'Microsoft Teams',
  sharepoint_onedrive: 'SharePoint & OneDrive',
  entra_id: 'Microsoft Entra ID',
  intune: 'Microsoft Intune',
  microsoft_365_apps: 'Microsoft 365 Apps',
  azure: 'Azure',
  dynamics_365: 'Dynamics 365',
  power_platform: 'Power Platform',
  licensing_billing: 'Licensing & billing',
};

export const CHANNEL_LABEL: Record<Channel, string> = { web_form: 'Web form', chat: 'Chat' };

export const SUPPORT_PLAN_LABEL: Record<SupportPlan, string> = {
  none: 'None',
  standard: 'Standard',
  advanced: 'Advanced',
  premier: 'Premier',
};
