/** Who the demo data is about: the CSS teams and their users, resellers, end customers, Microsoft contacts. */
import type { Role } from '../../shared/domain/people';

export const DEMO_PASSWORD = 'demo1234';

export const teams = [
  { id: 'tm-modern-work', name: 'Modern Work EMEA' },
  { id: 'tm-azure', name: 'Azure Infrastructure' },
] as const;
export type DemoTeamId = (typeof teams)[number]['id'];

export interface DemoUser {
  id: string;
  email: string;
  password: string;
  name: string;
  role: Role;
  teamId: DemoTeamId;
  teamName: string;
  timeZone: string;
}

const user = (id: string, name: string, role: Role, teamId: DemoTeamId, timeZone: string): DemoUser => ({
  id,
  email: `${name.toLowerCase().replace(' ', '.')}@css.example`,
  password: DEMO_PASSWORD,
  name,
  role,
  teamId,
  teamName: teams.find((team) => team.id === teamId)?.name ?? teamId,
  timeZone,
});

/** The demo logins, shown by `npm run server -- --demo` and used by the tests and the README. */
export const demoUsers: readonly DemoUser[] = [
  user('us-giulia-rossi', 'Giulia Rossi', 'engineer', 'tm-modern-work', 'Europe/Rome'),
  user('us-marco-bianchi', 'Marco Bianchi', 'engineer', 'tm-modern-work', 'Europe/Rome'),
  user('us-sofia-conti', 'Sofia Conti', 'engineer', 'tm-modern-work', 'Europe/Madrid'),
  user('us-anna-moretti', 'Anna Moretti', 'lead', 'tm-modern-work', 'Europe/Rome'),
  user('us-david-novak', 'David Novak', 'engineer', 'tm-azure', 'Europe/Prague'),
  user('us-elena-kovac', 'Elena Kovac', 'lead', 'tm-azure', 'Europe/Berlin'),
];

export interface DemoReseller {
  id: string;
  name: string;
  /** The reseller's mail domain, for its contacts' addresses. */
  domain: string;
}

export const resellers: readonly DemoReseller[] = [
  ['Nuvola Digitale S.r.l.', 'nuvoladigitale.example'],
  ['Alpenblick IT GmbH', 'alpenblick-it.example'],
  ['Iberia Cloud Partners S.L.', 'iberiacloud.example'],
  ['Northgate Systems Ltd', 'northgate.example'],
  ['Lumen Technologies BV', 'lumentech.example'],
  ['Praga Cloud s.r.o.', 'pragacloud.example'],
  ['Baltic Bytes UAB', 'balticbytes.example'],
  ['Helios Informatique SAS', 'helios-info.example'],
  ['Fjord Solutions AS', 'fjordsolutions.example'],
  ['Danubia Networks Kft.', 'danubia.example'],
  ['Adriatic Cloud d.o.o.', 'adriaticcloud.example'],
  ['Sigma Consulting Srl', 'sigmaconsulting.example'],
  ['Atlas Managed Services Ltd', 'atlasmsp.example'],
  ['Vistula IT Sp. z o.o.', 'vistula-it.example'],
  ['Rheinland Digital GmbH', 'rheinland-digital.example'],
].map(([name, domain], index) => ({
  id: `rs-${String(index + 1).padStart(3, '0')}`,
  name: name as string,
  domain: domain as string,
}));

export interface DemoCustomer {
  companyName: string;
  tenantDomain: string;
  timeZone: string;
}

/** End customers; the tenant name is the company's name squeezed to letters and digits. */
export const customers: readonly DemoCustomer[] = [
  ['Bellavista Hotels', 'Europe/Rome'],
  ['Fabbrica Ruggeri', 'Europe/Rome'],
  ['Studio Legale Ferraro', 'Europe/Rome'],
  ['Cantine Moretti', 'Europe/Rome'],
  ['Nordlicht Logistik', 'Europe/Berlin'],
  ['Bäckerei Hofmann', 'Europe/Berlin'],
  ['Kessler Maschinenbau', 'Europe/Berlin'],
  ['Alpine Dental Clinics', 'Europe/Zurich'],
  ['Bergmann Treuhand', 'Europe/Zurich'],
  ['Viena Pharma', 'Europe/Vienna'],
  ['Hotel Donaublick', 'Europe/Vienna'],
  ['Solmar Viajes', 'Europe/Madrid'],
  ['Construcciones Ibarra', 'Europe/Madrid'],
  ['Lisboa Seguros', 'Europe/Lisbon'],
  ['Maison Delacroix', 'Europe/Paris'],
  ['Transports Girard', 'Europe/Paris'],
  ['Brasserie Lefèvre', 'Europe/Brussels'],
  ['Van Dijk Installatie', 'Europe/Amsterdam'],
  ['Hollandse Bloemen', 'Europe/Amsterdam'],
  ['Thames Valley Surveyors', 'Europe/London'],
  ['Kingsbridge Academy Trust', 'Europe/London'],
  ['Harbour Freight Scotland', 'Europe/London'],
  ['Liffey Analytics', 'Europe/Dublin'],
  ['Nordsjø Fiskeri', 'Europe/Oslo'],
  ['Göta Kanal Energi', 'Europe/Stockholm'],
  ['Järvi Sauna Oy', 'Europe/Helsinki'],
  ['Vltava Engineering', 'Europe/Prague'],
  ['Tatra Outdoor', 'Europe/Bratislava'],
  ['Wisła Foods', 'Europe/Warsaw'],
  ['Balaton Wines', 'Europe/Budapest'],
  ['Dalmacija Yachting', 'Europe/Zagreb'],
  ['Ljubljana Medtech', 'Europe/Ljubljana'],
  ['Carpathia Textiles', 'Europe/Bucharest'],
  ['Aegean Shipping', 'Europe/Athens'],
  ['Bosphorus Trading', 'Europe/Istanbul'],
  ['Amber Coast Logistics', 'Europe/Vilnius'],
  ['Riga Port Services', 'Europe/Riga'],
  ['Tallinn Fintech', 'Europe/Tallinn'],
  ['Gulf Horizon Properties', 'Asia/Dubai'],
  ['Sahara Solar', 'Africa/Casablanca'],
  ['Cape Vineyards', 'Africa/Johannesburg'],
  ['Nairobi AgriTech', 'Africa/Nairobi'],
  ['Mumbai Textile Mills', 'Asia/Kolkata'],
  ['Lion City Foods', 'Asia/Singapore'],
  ['Sakura Components', 'Asia/Tokyo'],
  ['Harbour Bridge Legal', 'Australia/Sydney'],
  ['Southern Cross Mining', 'Australia/Perth'],
  ['Kiwi Orchards', 'Pacific/Auckland'],
  ['Maple Leaf Outfitters', 'America/Toronto'],
  ['Hudson Architects', 'America/New_York'],
  ['Lakeshore Health', 'America/Chicago'],
  ['Rocky Mountain Brewing', 'America/Denver'],
  ['Golden Gate Robotics', 'America/Los_Angeles'],
  ['Andes Coffee Exporters', 'America/Bogota'],
  ['Paulista Engenharia', 'America/Sao_Paulo'],
  ['Pampas Ganadera', 'America/Argentina/Buenos_Aires'],
  ['Azteca Retail', 'America/Mexico_City'],
  ['Reykjavik Geothermal', 'Atlantic/Reykjavik'],
  ['Malta Gaming Studio', 'Europe/Malta'],
  ['Cyprus Maritime', 'Asia/Nicosia'],
].map(([companyName, timeZone]) => ({
  companyName: companyName as string,
  tenantDomain: `${tenantName(companyName as string)}.onmicrosoft.com`,
  timeZone: timeZone as string,
}));

function tenantName(companyName: string): string {
  return companyName
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 27);
}

/** First and last names for reseller contacts. */
export const contactFirstNames = [
  'Luca',
  'Chiara',
  'Jonas',
  'Lena',
  'Pablo',
  'Lucía',
  'Tom',
  'Emma',
  'Pieter',
  'Sanne',
  'Jakub',
  'Petra',
  'Rūta',
  'Mateusz',
  'Camille',
  'Hugo',
  'Ingrid',
  'Bence',
  'Ivana',
  'Oliver',
];
export const contactLastNames = [
  'Ricci',
  'Galli',
  'Weber',
  'Schulz',
  'García',
  'López',
  'Walsh',
  'Clarke',
  'de Vries',
  'Jansen',
  'Dvořák',
  'Horváth',
  'Kazlauskas',
  'Nowak',
  'Martin',
  'Dubois',
  'Berg',
  'Tóth',
  'Kovač',
  'Evans',
];

/** Microsoft support engineers who own escalated cases. */
export const microsoftEngineers = [
  'Priya Raman',
  'Michael Chen',
  'Ana Popescu',
  'Rahul Mehta',
  "Sarah O'Connor",
  'Tomasz Zielinski',
  'Aisha Bello',
  'Kenji Watanabe',
  'Laura Fischer',
  'Carlos Mendes',
];
