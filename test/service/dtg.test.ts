import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dayOfYear,
  daysInMonth,
  formatDtgLong,
  fullYear,
  isLeapYear,
  julianToDate,
  monthFromText,
  monthName,
  parseDtg,
  pivotYear,
  readFilingTime,
  zoneOffsetHours,
} from '../../server/src/service/dtg.ts';

test('a well-formed DTG decodes to its UTC minute', () => {
  const d = parseDtg('201547Z JUL 09')!;
  assert.equal(d.malformed, undefined);
  assert.equal(d.invalid, undefined);
  assert.equal(d.day?.value, 20);
  assert.equal(d.hour?.value, 15);
  assert.equal(d.minute?.value, 47);
  assert.equal(d.zone?.value, 'Z');
  assert.equal(d.month?.value, 7);
  assert.equal(d.year?.value, 2009);
  assert.equal(d.iso, '2009-07-20T15:47:00Z');
  assert.equal(formatDtgLong(d), '20 July 2009, 15:47 UTC');
});

test('the domain year pivot: yy >= 40 is 19yy, else 20yy; four digits stand', () => {
  assert.equal(pivotYear(66), 1966);
  assert.equal(pivotYear(40), 1940);
  assert.equal(pivotYear(39), 2039);
  assert.equal(pivotYear(0), 2000);
  assert.equal(fullYear('09'), 2009);
  assert.equal(fullYear('1973'), 1973);
  assert.equal(parseDtg('281848Z DEC 66')!.iso, '1966-12-28T18:48:00Z');
  assert.equal(parseDtg('061620Z MAR 2006')!.year?.value, 2006);
});

test('mixed-case months and the partial-extract form read the same', () => {
  assert.equal(parseDtg('291359Z Nov 00')!.iso, '2000-11-29T13:59:00Z');
  assert.equal(monthFromText('Sept'), 9);
  assert.equal(monthFromText('JLY'), 7);
  assert.equal(monthFromText('XYZ'), undefined);
  assert.equal(monthName(2), 'February');
});

test('zone letters shift the instant; J (local time) is invalid', () => {
  assert.equal(zoneOffsetHours('Z'), 0);
  assert.equal(zoneOffsetHours('A'), 1);
  assert.equal(zoneOffsetHours('K'), 10);
  assert.equal(zoneOffsetHours('M'), 12);
  assert.equal(zoneOffsetHours('N'), -1);
  assert.equal(zoneOffsetHours('Y'), -12);
  assert.equal(zoneOffsetHours('J'), undefined);
  // 10:00 at UTC+1 is 09:00 UTC.
  assert.equal(parseDtg('011000A JAN 09')!.iso, '2009-01-01T09:00:00Z');
  // 23:00 at UTC-5 is 04:00 UTC the next day.
  assert.equal(parseDtg('312300R DEC 08')!.iso, '2009-01-01T04:00:00Z');
  const j = parseDtg('201547J JUL 09')!;
  assert.match(j.invalid ?? '', /zone J/);
  assert.equal(j.iso, undefined);
});

test('impossible times are invalid with a reason', () => {
  assert.match(parseDtg('311200Z APR 09')!.invalid ?? '', /April has 30 days/);
  assert.match(parseDtg('291200Z FEB 09')!.invalid ?? '', /2009 is not a leap year/);
  assert.equal(parseDtg('291200Z FEB 08')!.invalid, undefined);
  assert.match(parseDtg('202400Z JUL 09')!.invalid ?? '', /hour 24/);
  assert.match(parseDtg('201560Z JUL 09')!.invalid ?? '', /minute 60/);
  assert.match(parseDtg('001200Z JUL 09')!.invalid ?? '', /day 00/);
});

test('malformed DTGs keep what could be read', () => {
  const noZone = parseDtg('201547 JUL 09')!;
  assert.match(noZone.malformed ?? '', /missing zone/);
  assert.equal(noZone.month?.value, 7);
  const badMonth = parseDtg('201547Z JUX 09')!;
  assert.match(badMonth.malformed ?? '', /not a month/);
  const noYear = parseDtg('201547Z JUL')!;
  assert.match(noYear.malformed ?? '', /missing year/);
  const short = parseDtg('2015Z JUL 09')!;
  assert.match(short.malformed ?? '', /expected DDHHMM \(six digits\), found 4/);
  assert.equal(short.month?.value, 7);
  assert.equal(short.iso, undefined);
  assert.equal(parseDtg('1Z JUL 09'), undefined);
  assert.equal(parseDtg('201547ZJUL09')!.iso, '2009-07-20T15:47:00Z');
});

test('leap years, month lengths, ordinal days', () => {
  assert.ok(isLeapYear(2000));
  assert.ok(isLeapYear(2008));
  assert.ok(!isLeapYear(1900));
  assert.ok(!isLeapYear(2009));
  assert.equal(daysInMonth(2008, 2), 29);
  assert.equal(daysInMonth(2009, 2), 28);
  assert.equal(dayOfYear(2009, 7, 20), 201);
  assert.equal(dayOfYear(2008, 12, 31), 366);
  assert.deepEqual(julianToDate(2009, 201), { month: 7, day: 20 });
  assert.deepEqual(julianToDate(2008, 366), { month: 12, day: 31 });
  assert.equal(julianToDate(2009, 366), undefined);
  assert.equal(julianToDate(2009, 0), undefined);
});

test('Julian filing times resolve against the DTG year, with rollover', () => {
  const ft = readFilingTime('2011547', 0, 0, 2009)!;
  assert.equal(ft.julianDay, 201);
  assert.equal(ft.hour, 15);
  assert.equal(ft.minute, 47);
  assert.equal(new Date(ft.epochMs!).toISOString(), '2009-07-20T15:47:00.000Z');
  // DTG 31 Dec 2008 filed on day 001: that is 1 Jan 2009.
  const dec31 = Date.UTC(2008, 11, 31, 23, 50);
  const roll = readFilingTime('0010005', 0, 0, 2008, dec31)!;
  assert.equal(new Date(roll.epochMs!).toISOString(), '2009-01-01T00:05:00.000Z');
  assert.match(readFilingTime('0001200', 0, 0, 2009)!.invalid ?? '', /Julian day 000/);
  assert.match(readFilingTime('3661200', 0, 0, 2009)!.invalid ?? '', /2009 has 365 days/);
  assert.equal(readFilingTime('3661200', 0, 0, 2008)!.invalid, undefined);
  assert.match(readFilingTime('2012547', 0, 0, 2009)!.invalid ?? '', /hour 25/);
  const slash = readFilingTime('14/1625Z', 0, 0)!;
  assert.equal(slash.day, 14);
  assert.equal(slash.hour, 16);
  assert.equal(readFilingTime('20115', 0, 0), undefined);
});
