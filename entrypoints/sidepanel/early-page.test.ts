import { describe, expect, it } from 'vitest';
import { FIRST_PAGE } from '../../components/members/use-member-list';
import { EARLY_FIRST_PAGE } from '../sidepanel-early';

describe('the side panel\'s first script', () => {
  it('reads as many members as the list shows first', () => {
    expect(EARLY_FIRST_PAGE).toBe(FIRST_PAGE);
  });
});
