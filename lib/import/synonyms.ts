import type { StandardTarget } from './plan';

/** A header reduced for matching: lower case, letters and digits only ("Lead Source" → "leadsource"). */
export function headerToken(header: string): string {
  return header.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
}

/**
 * Header names (as {@link headerToken}s) that mean a standard lead field, from the exports of Zoho,
 * Salesforce, HubSpot, Pipedrive and common spreadsheets.
 */
const STANDARD_SYNONYMS: Readonly<Record<StandardTarget, readonly string[]>> = {
  name: ['name', 'fullname', 'leadname', 'contactname', 'personname', 'firstname', 'lastname', 'givenname', 'surname', 'familyname'],
  email: ['email', 'emailaddress', 'mail', 'primaryemail', 'workemail', 'emailid', 'businessemail'],
  phone: ['phone', 'phonenumber', 'mobile', 'mobilephone', 'mobilenumber', 'telephone', 'tel', 'cell', 'cellphone', 'workphone', 'primaryphone'],
  company: ['company', 'companyname', 'organization', 'organisation', 'organizationname', 'account', 'accountname', 'business', 'employer'],
  source: ['source', 'leadsource', 'sourcename', 'originalsource', 'channel', 'leadchannel', 'howdidyouhearaboutus'],
  groupName: ['group', 'groupname', 'leadorigin', 'origin', 'list', 'listname', 'leadgroup'],
  status: ['status', 'leadstatus', 'stage', 'leadstage', 'lifecyclestage', 'pipelinestage', 'dealstage'],
  priority: ['priority', 'leadpriority', 'leadquality', 'quality', 'rating', 'leadrating', 'grade', 'leadgrade', 'temperature'],
  tags: ['tags', 'tag', 'labels', 'label', 'leadtags'],
  country: ['country', 'countryname', 'countryregion', 'nation', 'billingcountry', 'mailingcountry', 'countrycode'],
  language: ['language', 'preferredlanguage', 'locale', 'spokenlanguage'],
  createdAt: ['createdat', 'createdtime', 'createddate', 'created', 'createdon', 'datecreated', 'creationdate', 'createdatetime', 'createdate', 'leadcreated', 'leadcreateddate', 'dateadded', 'addedon'],
  lastContactAt: ['lastcontact', 'lastcontacted', 'lastcontactdate', 'lastcontactedat', 'lastcontactedtime', 'lastactivitydate', 'lastactivitytime'],
};

/** Headers of a lead owner column; suggested as a custom field keyed `owner`. */
const OWNER_SYNONYMS: readonly string[] = ['owner', 'leadowner', 'ownername', 'assignedto', 'salesrep', 'recordowner', 'ownerid', 'owneremployeeid', 'leadownername'];

/** Headers of a unique record id column, best first. */
const ID_SYNONYMS: readonly string[] = ['id', 'leadid', 'recordid', 'prospectid', 'contactid', 'leadnumber', 'customerid', 'externalid', 'uid', 'uuid', 'personid'];

const BY_TOKEN = new Map<string, StandardTarget>();
for (const [target, tokens] of Object.entries(STANDARD_SYNONYMS) as Array<[StandardTarget, readonly string[]]>) {
  for (const token of tokens) BY_TOKEN.set(token, target);
}

/** The standard field a header names, or `undefined`. */
export function standardTargetForHeader(header: string): StandardTarget | undefined {
  return BY_TOKEN.get(headerToken(header));
}

/** True when the header names the lead owner. */
export function isOwnerHeader(header: string): boolean {
  return OWNER_SYNONYMS.includes(headerToken(header));
}

/** Rank of a header as a unique id column (lower is better), or `undefined` when it is not one. */
export function idHeaderRank(header: string): number | undefined {
  const rank = ID_SYNONYMS.indexOf(headerToken(header));
  return rank === -1 ? undefined : rank;
}

/** True when a header hints at a date ("CreatedDate", "Close time", "day"). */
export function isDateLikeHeader(header: string): boolean {
  return /date|time|day|created|updated|modified|since/i.test(header);
}
