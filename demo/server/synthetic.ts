/**
 * Deterministic synthetic contact details for a lead number n (docs/semantics.md §6: names and email are
 * synthetic but deterministic from n). The dataset is anonymous; these make the demo look real.
 */

const FIRST_NAMES = [
  'Aarav', 'Ananya', 'Rohan', 'Isha', 'Vikram', 'Meera', 'Arjun', 'Kavya', 'Nikhil', 'Sanya',
  'Rahul', 'Pooja', 'Karan', 'Neha', 'Aditya', 'Riya', 'Siddharth', 'Tanvi', 'Varun', 'Diya',
  'James', 'Emma', 'Liam', 'Olivia', 'Noah', 'Sophia', 'Lucas', 'Mia', 'Ethan', 'Amelia',
  'Omar', 'Layla', 'Daniel', 'Grace', 'Samuel', 'Chloe', 'Mateo', 'Zara', 'Leo', 'Hannah',
  'Yusuf', 'Aisha', 'Kenji', 'Mei', 'Ravi', 'Nora', 'Felix', 'Elena',
] as const;

const LAST_NAMES = [
  'Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Mehta', 'Kapoor', 'Joshi', 'Rao',
  'Malhotra', 'Desai', 'Chopra', 'Bose', 'Menon', 'Kulkarni', 'Pillai', 'Verma', 'Singh', 'Das',
  'Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Martin', 'Clark', 'Lewis', 'Walker', 'Young', 'Khan', 'Ali', 'Fernandes',
  'Tanaka', 'Chen', 'Okafor', 'Silva', 'Novak', 'Costa', 'Fischer',
] as const;

const COMPANY_STEMS = [
  'Northwind', 'Bluepeak', 'Sunrise', 'Lotus', 'Ironbridge', 'Greenfield', 'Silverline', 'Brightpath',
  'Crescent', 'Evergreen', 'Harbor', 'Summit', 'Redwood', 'Meridian', 'Orion', 'Pinnacle', 'Saffron',
  'Monsoon', 'Coastal', 'Keystone', 'Falcon', 'Nimbus', 'Vertex', 'Quantum', 'Indigo', 'Banyan',
] as const;

const COMPANY_KINDS = [
  'Technologies', 'Logistics', 'Consulting', 'Retail', 'Finance', 'Healthcare', 'Media', 'Labs',
  'Systems', 'Foods', 'Travels', 'Infra', 'Analytics', 'Pharma', 'Textiles', 'Motors', 'Learning',
] as const;

const COMPANY_SUFFIXES = ['Pvt Ltd', 'Ltd', 'Inc.', 'LLP', 'Group', 'Co.'] as const;

const pick = <T>(list: readonly T[], index: number): T => list[((index % list.length) + list.length) % list.length] as T;

/** A small integer hash so neighbouring lead numbers do not get neighbouring details. */
function mix(n: number, salt: number): number {
  let x = (n ^ salt) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** Synthetic contact details of lead number `n`. */
export interface SyntheticContact {
  firstName: string;
  lastName: string;
  /** `first.last.n@example.com`, lower case (docs/semantics.md §6). */
  email: string;
  company: string;
  /** An Indian mobile number in display format, e.g. "+91 98765 43210". */
  phone: string;
}

/** Deterministic contact details for lead number `n` (same n → same details, always). */
export function syntheticContact(n: number): SyntheticContact {
  const firstName = pick(FIRST_NAMES, mix(n, 0x9e37));
  const lastName = pick(LAST_NAMES, mix(n, 0x85eb));
  const email = `${firstName}.${lastName}.${n}@example.com`.toLowerCase();
  const c = mix(n, 0xc2b2);
  const company = `${pick(COMPANY_STEMS, c)} ${pick(COMPANY_KINDS, c >>> 5)} ${pick(COMPANY_SUFFIXES, c >>> 10)}`;
  const digits = String(9_000_000_000 + (mix(n, 0x27d4) % 1_000_000_000)).padStart(10, '0');
  const phone = `+91 ${digits.slice(0, 5)} ${digits.slice(5)}`;
  return { firstName, lastName, email, company, phone };
}
