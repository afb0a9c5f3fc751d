import { zoneSuite } from './zone-suite'

// The 90-day reminder falls in daylight saving time (UTC−4), the others in standard time (UTC−5).
zoneSuite({
  zone: 'America/New_York',
  januaryOffsetMinutes: -300,
  expected: { '90': '2027-10-12T13:00:00.000Z', '30': '2027-12-11T14:00:00.000Z', '7': '2028-01-03T14:00:00.000Z' },
})
