/** The operator tables of every operator family (docs/semantics.md §3), keyed like `OPERATORS` in fields.ts. */
import type { OperatorFamily } from '../../schema/fields';
import type { OperatorTable } from '../types';
import { booleanOperators } from './boolean';
import { campaignExclusionOperators, campaignParticipationOperators, campaignResponseOperators } from './campaign';
import { dateOperators } from './date';
import { multiselectOperators } from './multiselect';
import { numberOperators } from './number';
import { segmentMembershipOperators } from './segment';
import { textOperators } from './text';

export { RELATIVE_DATE_OPERATORS } from './date';

export const OPERATOR_TABLES: Readonly<Record<OperatorFamily, OperatorTable>> = {
  text: textOperators,
  number: numberOperators,
  date: dateOperators,
  boolean: booleanOperators,
  multiselect: multiselectOperators,
  campaignParticipation: campaignParticipationOperators,
  campaignExclusion: campaignExclusionOperators,
  campaignResponse: campaignResponseOperators,
  segmentMembership: segmentMembershipOperators,
};
