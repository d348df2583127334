/**
 * Reading a rule's field from a lead. Standard fields are lead properties, `custom.<key>` fields
 * live in `lead.custom`, the three campaign fields all read `lead.campaigns`, and segment
 * membership reads the lead's id (looked up in the other segment's members).
 */
import { ownCustomValue } from '../schema/custom-field';
import { CUSTOM_PREFIX, type FieldDef } from '../schema/fields';
import type { Lead } from '../schema/lead';
import type { LeadTest, ValueTest } from './types';

const CAMPAIGN_FAMILIES = new Set(['campaignParticipation', 'campaignExclusion', 'campaignResponse']);

/** Wraps a value test into a lead test reading `field`'s value. Always returns a new closure. */
export function testField(field: FieldDef, test: ValueTest): LeadTest {
  if (CAMPAIGN_FAMILIES.has(field.family)) return (lead) => test(lead.campaigns);
  if (field.family === 'segmentMembership') return (lead) => test(lead.id);
  if (field.key.startsWith(CUSTOM_PREFIX)) {
    const key = field.key.slice(CUSTOM_PREFIX.length);
    // A key that Object.prototype also has (constructor, toString…) is read as an own property only.
    if (key in Object.prototype) return (lead) => test(ownCustomValue(lead.custom as Lead['custom'] | undefined, key));
    return (lead) => {
      const custom = lead.custom as Lead['custom'] | undefined;
      return test(custom == null ? undefined : custom[key]);
    };
  }
  return standardFieldTest(field.key, test);
}

/**
 * One function literal per standard field: each gets its own property-load feedback in the JIT
 * (a shared `lead[key]` would be a megamorphic keyed load across all rules).
 */
function standardFieldTest(key: string, test: ValueTest): LeadTest {
  switch (key) {
    case 'name':
      return (lead) => test(lead.name);
    case 'email':
      return (lead) => test(lead.email);
    case 'company':
      return (lead) => test(lead.company);
    case 'source':
      return (lead) => test(lead.source);
    case 'groupName':
      return (lead) => test(lead.groupName);
    case 'status':
      return (lead) => test(lead.status);
    case 'priority':
      return (lead) => test(lead.priority);
    case 'tags':
      return (lead) => test(lead.tags);
    case 'country':
      return (lead) => test(lead.country);
    case 'language':
      return (lead) => test(lead.language);
    case 'createdAt':
      return (lead) => test(lead.createdAt);
    case 'lastContactAt':
      return (lead) => test(lead.lastContactAt);
    default: {
      const property = key as keyof Lead;
      return (lead) => test(lead[property]);
    }
  }
}

/** The lead's raw value for `field` (own properties only; `undefined` when absent). */
export function rawFieldValue(field: FieldDef, lead: Lead): unknown {
  if (CAMPAIGN_FAMILIES.has(field.family)) return lead.campaigns;
  if (field.family === 'segmentMembership') return lead.id;
  if (field.key.startsWith(CUSTOM_PREFIX)) {
    return ownCustomValue(lead.custom as Lead['custom'] | undefined, field.key.slice(CUSTOM_PREFIX.length));
  }
  return Object.hasOwn(lead, field.key) ? lead[field.key as keyof Lead] : undefined;
}
