// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { explainLead } from '../../lib/engine';
import { testLead } from '../../lib/format/test-leads';
import type { RuleSet } from '../../lib/schema';
import { FormatterProvider } from './formatter-context';
import { CAMPAIGNS, CUSTOM_FIELDS } from './test-fixtures';
import { countRules, ExplanationTree } from './WhyTheyMatch';

afterEach(cleanup);

const rules: RuleSet = {
  combinator: 'and',
  rules: [
    { field: 'lastContactAt', operator: 'after', value: '2024-03-05' },
    {
      combinator: 'or',
      rules: [
        { field: 'campaignResponse', operator: 'responded', value: { campaignId: 'email', responses: ['opened'] } },
        {
          combinator: 'and',
          rules: [
            { field: 'tags', operator: 'includes_any', value: ['Hot'] },
            { field: 'custom.do_not_call', operator: 'is_true' },
          ],
        },
      ],
    },
  ],
};

const lead = testLead('9', {
  name: 'Zed',
  tags: ['Cold'],
  lastContactAt: Date.UTC(2024, 2, 5, 23, 30), // March 6 in Tokyo, March 5 in New York
  campaigns: [{ campaignId: 'email', state: 'participating', response: 'opened' }],
  custom: { do_not_call: false },
});

function renderTree(timeZone: string) {
  const explanation = explainLead(rules, lead, { now: Date.UTC(2024, 5, 1), timeZone, customFields: CUSTOM_FIELDS });
  const view = render(
    <FormatterProvider locale="en-US" timeZone={timeZone}>
      <ExplanationTree rules={rules} explanation={explanation} customFields={CUSTOM_FIELDS} campaigns={CAMPAIGNS} />
    </FormatterProvider>,
  );
  return { explanation, container: view.container };
}

describe('ExplanationTree', () => {
  it('shows every rule in words with ✓/✗ and the actual value, nested groups as groups', () => {
    const { container, explanation } = renderTree('Asia/Tokyo');
    expect(explanation.matched).toBe(true);
    const lines = [...container.querySelectorAll('.why-rule')].map((li) => [
      li.querySelector('.why-mark')?.textContent,
      li.querySelector('.why-text')?.textContent,
      li.querySelector('.why-actual-value')?.textContent,
    ]);
    expect(lines).toEqual([
      ['✓', 'Last contact date after 2024-03-05', 'Mar 6, 2024'],
      ['✓', 'Campaign response responded to Course Launch Email with opened', 'Course Launch Email (participating, opened)'],
      ['✗', 'Tags includes any of Hot', 'Cold'],
      ['✗', 'Do not call is yes', 'No'],
    ]);
    const groups = [...container.querySelectorAll('.why-group')].map((g) => g.querySelector('.why-group-head')?.textContent);
    expect(groups).toEqual(['Any of thesemet', 'All of thesenot met']);
    // The inner "all of these" group is nested inside the "any of these" group.
    expect(container.querySelector('.why-group .why-group .why-rule')).not.toBeNull();
  });

  it('evaluates dates in the given time zone', () => {
    const { container, explanation } = renderTree('America/New_York');
    expect(explanation.matched).toBe(false);
    const first = container.querySelector('.why-rule');
    expect(first?.querySelector('.why-mark')?.textContent).toBe('✗');
    expect(first?.querySelector('.why-actual-value')?.textContent).toBe('Mar 5, 2024');
  });

  it('counts rules at every depth', () => {
    const { explanation } = renderTree('Asia/Tokyo');
    expect(countRules(explanation)).toEqual({ total: 4, matched: 2 });
  });
});
