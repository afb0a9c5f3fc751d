import { zoneSuite } from './zone-suite'

// A half-hour zone without daylight saving time.
zoneSuite({
  zone: 'Asia/Kolkata',
  januaryOffsetMinutes: 330,
  expected: { '90': '2027-10-12T03:30:00.000Z', '30': '2027-12-11T03:30:00.000Z', '7': '2028-01-03T03:30:00.000Z' },
})
