import { useMemo } from 'preact/hooks';
import { explainLead, type Explanation, type SegmentMembersLookup } from '../../lib/engine';
import { safeColor } from '../../lib/format/color';
import type { Campaign, CustomFieldDef, Lead, Segment } from '../../lib/schema';
import { useNow } from '../use-now';
import { useFormatter } from './formatter-context';
import { countRules, ExplanationTree } from './WhyTheyMatch';

/** Props of {@link WhySection}. */
export interface WhySectionProps {
  title: string;
  segment: Segment;
  lead: Lead;
  customFields: readonly CustomFieldDef[];
  campaigns: readonly Campaign[];
  /** Members of the segments that segment membership rules name (this lead's memberships). */
  segmentMembers: SegmentMembersLookup;
  /** Every stored segment, to name those segment membership rules refer to. */
  segments: readonly Segment[];
  note?: string;
  /** Show the title as a segment chip (lead view) instead of a plain heading. */
  chip?: boolean;
  onOpen?: () => void;
}

/** One segment's explanation for the lead; an evaluation error is shown instead of the tree. */
export function WhySection({ title, segment, lead, customFields, campaigns, segmentMembers, segments, note, chip, onOpen }: WhySectionProps) {
  const now = useNow(60_000);
  const formatter = useFormatter();
  const result = useMemo((): { explanation: Explanation } | { error: string } => {
    try {
      return {
        explanation: explainLead(segment.rules, lead, {
          now,
          timeZone: formatter.context.timeZone,
          customFields: [...customFields],
          segmentMembers,
        }),
      };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [segment.rules, lead, customFields, segmentMembers, now, formatter]);

  const counts = 'explanation' in result ? countRules(result.explanation) : undefined;
  const headingId = `why-${segment.id}`;
  return (
    <section class={`why${chip ? ' why-card' : ''}`} aria-labelledby={headingId}>
      <div class="why-head">
        {chip ? (
          <h4 id={headingId} class="why-segment">
            <span class="color-dot" style={{ backgroundColor: safeColor(segment.color) }} aria-hidden="true" />
            {onOpen ? (
              <button type="button" class="link-button" onClick={onOpen} title={`Show the members of ${segment.name}`}>
                {title}
              </button>
            ) : (
              title
            )}
          </h4>
        ) : (
          <h3 id={headingId} class="details-section-title">
            {title}
          </h3>
        )}
        {'explanation' in result && counts && (
          <span class={`why-verdict ${result.explanation.matched ? 'is-match' : 'is-miss'}`}>
            {result.explanation.matched ? 'Matches' : 'Does not match'} · {counts.matched} of {counts.total}{' '}
            {counts.total === 1 ? 'rule' : 'rules'}
          </span>
        )}
      </div>
      {note && <p class="details-muted">{note}</p>}
      {'explanation' in result ? (
        <ExplanationTree rules={segment.rules} explanation={result.explanation} customFields={customFields} campaigns={campaigns} segments={segments} />
      ) : (
        <p class="notice notice-error">These rules can't be evaluated: {result.error}</p>
      )}
    </section>
  );
}
