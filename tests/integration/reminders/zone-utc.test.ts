import { zoneSuite } from './zone-suite'

zoneSuite({
  zone: 'UTC',
  januaryOffsetMinutes: 0,
  expected: { '90': '2027-10-12T09:00:00.000Z', '30': '2027-12-11T09:00:00.000Z', '7': '2028-01-03T09:00:00.000Z' },
})
