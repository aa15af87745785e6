//! Calendar dates and date windows (deadlines, plan periods).
//!
//! stratagraph needs only whole days, in the proleptic Gregorian calendar, so it
//! carries its own small [`Date`] type instead of a date-time crate: it serialises
//! as `YYYY-MM-DD`, orders chronologically and costs nothing in the WASM bundle.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;

/// A calendar day (proleptic Gregorian), written `YYYY-MM-DD`.
///
/// ```
/// use stratagraph::Date;
/// let d: Date = "2024-02-29".parse().unwrap();
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert!("2023-02-29".parse::<Date>().is_err());
/// assert_eq!(Date::end_of_month(2023, 11).unwrap().to_string(), "2023-11-30");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Whether `year` is a leap year.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` (1..=12) of `year`; 0 for an invalid month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, or `None` if the day does not exist (years 1..=9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The first day of a month.
    pub fn start_of_month(year: i32, month: u8) -> Option<Date> {
        Date::new(year, month, 1)
    }

    /// The last day of a month.
    pub fn end_of_month(year: i32, month: u8) -> Option<Date> {
        Date::new(year, month, days_in_month(year, month))
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1..=12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1..=31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), for differences between dates.
    ///
    /// ```
    /// use stratagraph::Date;
    /// let a = Date::new(2024, 3, 31).unwrap();
    /// let b = Date::new(2024, 4, 30).unwrap();
    /// assert_eq!(b.days_since_epoch() - a.days_since_epoch(), 30);
    /// ```
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Error;

    fn from_str(s: &str) -> Result<Date, Error> {
        let bad = || Error::InvalidDate {
            value: s.to_owned(),
        };
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, Error> {
            let part = s.get(r).ok_or_else(bad)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(bad());
            }
            part.parse::<u32>().map_err(|_| bad())
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let month = u8::try_from(m).map_err(|_| bad())?;
        let day = u8::try_from(d).map_err(|_| bad())?;
        let year = i32::try_from(y).map_err(|_| bad())?;
        Date::new(year, month, day).ok_or_else(bad)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

// In TypeScript a date is its text, `YYYY-MM-DD`.
ts_text!(Date, "DateText");

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A window of dates with the phrase it was read from: a deadline ("By November
/// 2023" ends 2023-11-30) or a period ("2023-2025").
///
/// Either end may be open: "from 2024/25 onwards" has a start and no end.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateWindow {
    /// First day of the window, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// Last day of the window, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// The words of the document the window was read from ("Over 2023/24").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phrase: String,
}

impl DateWindow {
    /// A window from `start` to `end`, both inclusive.
    pub fn new(start: Option<Date>, end: Option<Date>, phrase: impl Into<String>) -> DateWindow {
        DateWindow {
            start,
            end,
            phrase: phrase.into(),
        }
    }

    /// Whether `date` falls inside the window (open ends are unbounded).
    pub fn contains(&self, date: Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date <= e)
    }

    /// Whether the two windows share at least one day.
    pub fn overlaps(&self, other: &DateWindow) -> bool {
        let starts_before_other_ends = match (self.start, other.end) {
            (Some(s), Some(e)) => s <= e,
            _ => true,
        };
        let ends_after_other_starts = match (self.end, other.start) {
            (Some(e), Some(s)) => e >= s,
            _ => true,
        };
        starts_before_other_ends && ends_after_other_starts
    }

    /// Whether every bound this window has falls inside `outer`: a deadline
    /// "By November 2023" (no start) is within 2023-2025; "from 2024/25 onwards"
    /// (no end) is within 2023-2025 too, since its start is.
    pub fn within(&self, outer: &DateWindow) -> bool {
        self.start.is_none_or(|s| outer.contains(s)) && self.end.is_none_or(|e| outer.contains(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert!("2024-13-01".parse::<Date>().is_err());
        assert!("2024-1-01".parse::<Date>().is_err());
        assert!("+024-01-01".parse::<Date>().is_err());
        assert!("0000-01-01".parse::<Date>().is_err());
        assert_eq!("1970-01-01".parse::<Date>().unwrap().days_since_epoch(), 0);
        assert_eq!(
            "2000-03-01".parse::<Date>().unwrap().days_since_epoch(),
            11_017
        );
    }

    #[test]
    fn windows() {
        let d = |s: &str| s.parse::<Date>().ok();
        let fy = DateWindow::new(d("2023-04-01"), d("2024-03-31"), "Over 2023/24");
        let plan = DateWindow::new(d("2023-01-01"), d("2025-12-31"), "2023-2025");
        assert!(fy.within(&plan));
        assert!(!plan.within(&fy));
        let onwards = DateWindow::new(d("2024-04-01"), None, "from 2024/25 onwards");
        assert!(onwards.within(&plan));
        let late = DateWindow::new(None, d("2026-06-30"), "by June 2026");
        assert!(!late.within(&plan));
        assert!(onwards.overlaps(&plan));
        assert!(fy.contains(d("2023-04-01").unwrap()));
    }
}
