import type { OrganisationType } from '../tenants';

export interface DemoOrganisation {
  slug: string;
  name: string;
  country: string;
  type: OrganisationType;
  parent?: string;
  /** The consent key referrals to it rest on. */
  consentKey?: string;
  /** Its own parameters when it is created (a return programme's exchange rates). */
  parameters?: Record<string, unknown>;
}

/**
 * IOM's demo exchange rates for disbursing the reintegration grant (CHF) in the countries of return's currencies,
 * applying from the first day of 2025: demo values of the right order, not rates to pay by. The organisation's data
 * administrator enters the programme's own, each with the day it applies from.
 */
const DEMO_RATES_FROM = '2025-01-01';
const DEMO_EXCHANGE_RATES = [
  { currency: 'HUF', rate: '415.00' },
  { currency: 'CZK', rate: '26.20' },
  { currency: 'RON', rate: '5.45' },
  { currency: 'EUR', rate: '1.07' },
  { currency: 'BGN', rate: '2.09' },
].map((entry) => ({ ...entry, base: 'CHF', from: DEMO_RATES_FROM }));

/** Fictional installations of real kinds of organisations (no real contact data anywhere). */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { slug: 'fi-nas', name: 'National Assistance System for Victims of Human Trafficking (demo)', country: 'FI', type: 'national', consentKey: 'nas' },
  { slug: 'fi-helsinki', name: 'City of Helsinki, social services (demo)', country: 'FI', type: 'municipality', parent: 'fi-nas' },
  { slug: 'fi-vantaa', name: 'City of Vantaa, social services (demo)', country: 'FI', type: 'municipality', parent: 'fi-nas' },
  { slug: 'fi-oulu', name: 'City of Oulu, social services (demo)', country: 'FI', type: 'municipality', parent: 'fi-nas' },
  { slug: 'fi-victim-support', name: 'Victim support NGO (demo)', country: 'FI', type: 'ngo', consentKey: 'victimSupport' },
  { slug: 'dk-cmm', name: 'Centre against Human Trafficking (demo)', country: 'DK', type: 'national', consentKey: 'cmm' },
  { slug: 'iom-bg', name: 'IOM Bulgaria, return and reintegration (demo)', country: 'BG', type: 'international', consentKey: 'iom', parameters: { exchangeRates: DEMO_EXCHANGE_RATES } },
  { slug: 'mk-shelter', name: 'Shelter for victims of trafficking (demo)', country: 'MK', type: 'shelter', consentKey: 'shelter' },
];

export interface DemoUser {
  email: string;
  name: string;
  memberships: Array<{ org: string; role: string }>;
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@demo.test', name: 'Demo Platform Admin', memberships: [{ org: 'fi-nas', role: 'platform-admin' }, { org: 'dk-cmm', role: 'platform-admin' }] },
  { email: 'admin@helsinki.demo.test', name: 'Demo Administrator Helsinki', memberships: [{ org: 'fi-helsinki', role: 'org-admin' }] },
  { email: 'designer@helsinki.demo.test', name: 'Demo Form Designer', memberships: [{ org: 'fi-helsinki', role: 'form-designer' }] },
  { email: 'worker@helsinki.demo.test', name: 'Demo Caseworker Helsinki', memberships: [{ org: 'fi-helsinki', role: 'caseworker' }] },
  { email: 'worker@vantaa.demo.test', name: 'Demo Caseworker Vantaa', memberships: [{ org: 'fi-vantaa', role: 'caseworker' }] },
  { email: 'coordinator@nas.demo.test', name: 'Demo NAS Coordinator', memberships: [{ org: 'fi-nas', role: 'national-coordinator' }] },
  { email: 'ngo@victimsupport.demo.test', name: 'Demo NGO Worker', memberships: [{ org: 'fi-victim-support', role: 'ngo-worker' }] },
  { email: 'police@helsinki.demo.test', name: 'Demo Police Liaison', memberships: [{ org: 'fi-helsinki', role: 'police-liaison' }] },
  { email: 'auditor@nas.demo.test', name: 'Demo Auditor', memberships: [{ org: 'fi-nas', role: 'auditor' }] },
  { email: 'worker@cmm.demo.test', name: 'Demo CMM Coordinator', memberships: [{ org: 'dk-cmm', role: 'national-coordinator' }] },
  { email: 'caseworker@iom.demo.test', name: 'Demo IOM Caseworker', memberships: [{ org: 'iom-bg', role: 'iom-caseworker' }] },
  // A second IOM caseworker: increases of a reintegration grant are decided by someone other than who asked (four eyes).
  { email: 'reviewer@iom.demo.test', name: 'Demo IOM Grant Reviewer', memberships: [{ org: 'iom-bg', role: 'iom-caseworker' }] },
  // IOM's data administrator: enters the programme's exchange rates (the organisation's parameters).
  { email: 'admin@iom.demo.test', name: 'Demo IOM Administrator', memberships: [{ org: 'iom-bg', role: 'org-admin' }] },
  // The shelter's staff with the shelter presets: case manager, legal representative, administrator.
  { email: 'worker@shelter.demo.test', name: 'Demo Shelter Case Manager', memberships: [{ org: 'mk-shelter', role: 'shelter-worker' }] },
  { email: 'legal@shelter.demo.test', name: 'Demo Shelter Legal Representative', memberships: [{ org: 'mk-shelter', role: 'legal-representative' }] },
  { email: 'admin@shelter.demo.test', name: 'Demo Shelter Administrator', memberships: [{ org: 'mk-shelter', role: 'org-admin' }] },
];
