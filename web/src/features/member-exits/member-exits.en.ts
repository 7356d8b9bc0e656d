import type { Catalog } from '../../i18n/types';
import type { memberExitsVi } from './member-exits.vi';

/** English strings shared by the procedure pages, and of name removal and death (spread into `en.ts`). */
export const memberExitsEn: Catalog<typeof memberExitsVi> = {
  procedures: {
    unit: 'Unit',
    allYears: 'All years',
    year: 'Year',
    download: 'Download document',
    downloadNamed: 'Download {{number}}',
    status: 'Status',
    member: 'Member',
    branch: 'Branch',
    date: 'Date',
    note: 'Note',
    reason: 'Reason',
    signerName: 'Signer name',
    confirm: 'Confirm',
    menu: 'Procedures',
    actions: 'Actions',
    empty: 'Nothing recorded yet.',
    truncated: 'The list is too long and is shown in part: choose a smaller unit.',
    chooseUnit: 'Choose a unit',
    total: 'Total: {{n}}',
  },
  memberExit: {
    remove: 'Remove name',
    death: 'Record death',
    removeTitle: 'Remove {{name}} from the union',
    deathTitle: 'Record the death of {{name}}',
    removeHint:
      'The grassroots union issues the removal decision. The system numbers it, sets the status to "Removed" and ends the member card.',
    deathHint:
      'Records that the member has died: the status becomes "Deceased" and the card ends. No document is issued.',
    reason: 'Reason for removal',
    reasonRequired: 'Please enter the reason for removal.',
    decidedOn: 'Decision date',
    diedOn: 'Date of death',
    dateRequired: 'Please choose a date.',
    confirmRemove: 'I confirm removing this member from the list.',
    confirmDeath: 'I confirm the death record is correct.',
    confirmRequired: 'Please tick the confirmation.',
    removed: 'The member was removed. Decision no. {{number}}.',
    deceased: 'The death was recorded.',
  },
};
