/**
 * `and` / `or` over compiled tests, specialised by arity so short rule lists cost no loop.
 * A single test is returned as is (no wrapper call).
 */
import type { LeadTest } from './types';

/** True when every test passes (short-circuits on the first failure). */
export function allOf(tests: readonly LeadTest[]): LeadTest {
  const [a, b, c, d] = tests as [LeadTest, LeadTest, LeadTest, LeadTest];
  switch (tests.length) {
    case 1:
      return a;
    case 2:
      return (lead) => a(lead) && b(lead);
    case 3:
      return (lead) => a(lead) && b(lead) && c(lead);
    case 4:
      return (lead) => a(lead) && b(lead) && c(lead) && d(lead);
    default: {
      const n = tests.length;
      return (lead) => {
        for (let i = 0; i < n; i++) if (!(tests[i] as LeadTest)(lead)) return false;
        return true;
      };
    }
  }
}

/** True when some test passes (short-circuits on the first success). */
export function anyOf(tests: readonly LeadTest[]): LeadTest {
  const [a, b, c, d] = tests as [LeadTest, LeadTest, LeadTest, LeadTest];
  switch (tests.length) {
    case 1:
      return a;
    case 2:
      return (lead) => a(lead) || b(lead);
    case 3:
      return (lead) => a(lead) || b(lead) || c(lead);
    case 4:
      return (lead) => a(lead) || b(lead) || c(lead) || d(lead);
    default: {
      const n = tests.length;
      return (lead) => {
        for (let i = 0; i < n; i++) if ((tests[i] as LeadTest)(lead)) return true;
        return false;
      };
    }
  }
}
