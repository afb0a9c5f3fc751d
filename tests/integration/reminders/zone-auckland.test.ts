import { zoneSuite } from './zone-suite'

// The expiry (15:00 UTC on 10 January) is already 11 January in Auckland (UTC+13 in summer), so every
// reminder day is counted from the 11th — and lands on the previous UTC day.
zoneSuite({
  zone: 'Pacific/Auckland',
  januaryOffsetMinutes: 780,
  expected: { '90': '2027-10-12T20:00:00.000Z', '30': '2027-12-11T20:00:00.000Z', '7': '2028-01-03T20:00:00.000Z' },
})
