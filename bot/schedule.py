"""When to look at a watched story again, and when a channel's digest is due.

Pure: every function takes the time it reasons about, so callers pass an
injectable clock and tests pass fixed datetimes.

Channel digest times are computed with zoneinfo directly rather than with
APScheduler's CronTrigger: in 3.11 its ``get_next_fire_time`` fires twice on
the night clocks go back (01:30 Europe/London on 2025-10-26 comes out as both
00:30 and 01:30 UTC) and can return a time *before* ``now`` inside that hour.
A digest must run once a day, so the arithmetic is done here, by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# ------------------------------------------------------------------ story watching

FRESH_FOR = timedelta(hours=3)
FRESH_EVERY = timedelta(minutes=15)
DAY_FOR = timedelta(days=1)
DAY_EVERY = timedelta(hours=1)
WEEK_EVERY = timedelta(hours=3)
DEFAULT_HORIZON = timedelta(days=7)


def next_check_delay(
    now: datetime,
    last_change_at: datetime | None,
    first_seen_at: datetime,
    horizon: timedelta = DEFAULT_HORIZON,
) -> timedelta | None:
    """How long to wait before fetching a watched story again; None to stop watching.

    Stories change most just after they break, so the rate follows the age of the
    story's current version, counted from its last material change (or from when
    it was first seen): every 15 minutes for 3 hours, hourly to the end of the
    first day, every 3 hours until ``horizon``, then stop. A material change
    restarts the clock at the fresh rate.
    """
    anchor = max(first_seen_at, last_change_at) if last_change_at else first_seen_at
    age = max(now - anchor, timedelta(0))  # a clock running behind counts as brand new
    if age >= horizon:
        return None
    if age < FRESH_FOR:
        step = FRESH_EVERY
    elif age < DAY_FOR:
        step = DAY_EVERY
    else:
        step = WEEK_EVERY
    # The last look lands on the horizon, not beyond it.
    return min(step, horizon - age)


FAILURE_BASE = timedelta(minutes=5)
FAILURE_CAP = timedelta(hours=6)
MAX_FAILURES = 8  # 5m+10m+20m+40m+80m+160m+320m: about 10.5 hours of trying
GONE_STATUSES = frozenset({404, 410})
MAX_GONE_FAILURES = 3  # a page can 404 for a few minutes while it is republished


def failure_delay(consecutive_failures: int) -> timedelta:
    """Back-off after ``consecutive_failures`` failed fetches in a row: 5m, 10m, 20m ... 6h."""
    if consecutive_failures <= 0:
        return timedelta(0)
    # Cap the exponent before shifting so a huge count cannot overflow timedelta.
    factor = 2 ** min(consecutive_failures - 1, 16)
    return min(FAILURE_BASE * factor, FAILURE_CAP)


def should_give_up(consecutive_failures: int, status: int | None = None) -> bool:
    """Stop watching after too many failures in a row; sooner when the page is gone."""
    if status in GONE_STATUSES:
        return consecutive_failures >= MAX_GONE_FAILURES
    return consecutive_failures >= MAX_FAILURES


# ------------------------------------------------------------ channel digest times

Cadence = Literal["daily", "weekdays"]
_CADENCES: dict[str, Cadence] = {
    "daily": "daily",
    "everyday": "daily",
    "weekdays": "weekdays",
    "weekday": "weekdays",
}
_TIME_24 = re.compile(r"^(\d{1,2})[:.h](\d{2})$")
_TIME_12 = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?$", re.I)
_NOON = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}

USAGE = (
    "Use `/digest schedule weekdays 09:00`, `daily 17:30`, `weekdays 9am`, "
    "`daily 17:30 Europe/London`, or `off`."
)


@dataclass(frozen=True, slots=True)
class Off:
    """``/digest schedule off``: stop the channel's digest."""


@dataclass(frozen=True, slots=True)
class Show:
    """``/digest schedule`` with nothing after it: show the current schedule."""


@dataclass(frozen=True, slots=True)
class ScheduleSpec:
    cadence: Cadence
    hour: int
    minute: int
    tz: str  # an IANA zone name

    def __post_init__(self) -> None:
        if self.cadence not in ("daily", "weekdays"):
            raise ValueError(f"Unknown cadence {self.cadence!r}. {USAGE}")
        if not (0 <= self.hour <= 23 and 0 <= self.minute <= 59):
            raise ValueError(f"{self.hour:02d}:{self.minute:02d} is not a time of day.")
        _zone(self.tz)

    @property
    def zone(self) -> ZoneInfo:
        return _zone(self.tz)

    def _runs_on(self, day: date) -> bool:
        return self.cadence == "daily" or day.weekday() < 5

    def next_run(self, after: datetime) -> datetime:
        """The first run strictly after ``after`` (aware), as an aware UTC datetime.

        The time is wall-clock time in ``tz``. On the night clocks go forward a
        time in the skipped hour runs that much later (01:30 -> 02:30 BST); on the
        night they go back, a time in the repeated hour runs once, at its first
        occurrence.
        """
        if after.tzinfo is None or after.utcoffset() is None:
            raise ValueError("next_run needs an aware datetime (UTC), not a naive one.")
        zone = self.zone
        day = after.astimezone(zone).date()
        for offset in range(-1, 9):  # a weekday run is at most three days off
            candidate_day = day + timedelta(days=offset)
            if not self._runs_on(candidate_day):
                continue
            # fold=0: the earlier of two repeated times; in a gap, the pre-change
            # offset, which lands after the gap by the gap's length.
            local = datetime.combine(candidate_day, time(self.hour, self.minute), zone)
            run = local.astimezone(UTC)
            if run > after:
                return run
        raise AssertionError("unreachable: every week has a run")  # pragma: no cover

    def describe(self) -> str:
        """'weekdays at 09:00 Europe/London'."""
        return f"{self.cadence} at {self.hour:02d}:{self.minute:02d} {self.tz}"

    def to_text(self) -> str:
        """The command text that parses back to this spec: 'weekdays 09:00 Europe/London'."""
        return f"{self.cadence} {self.hour:02d}:{self.minute:02d} {self.tz}"


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


@lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"Unknown time zone {name!r}. Use a name like Europe/London or America/New_York."
        ) from None


def _zone_name(text: str) -> str:
    """The canonical IANA spelling of ``text`` ('europe/london' -> 'Europe/London')."""
    canonical = _zone_names().get(text.lower())
    if canonical is None:
        if text.upper() in ("UTC", "GMT", "Z"):
            return "UTC"
        _zone(text)  # raises the friendly error (or accepts a zone tzdata lists oddly)
        return text
    return canonical


def _parse_time(text: str) -> tuple[int, int] | None:
    """(hour, minute) from '09:00', '9.30', '17h30', '9am', '9:30 pm', 'noon'; else None."""
    low = text.lower()
    if low in _NOON:
        return _NOON[low]
    if m := _TIME_24.match(low):
        hour, minute = int(m.group(1)), int(m.group(2))
    elif m := _TIME_12.match(low):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if not 1 <= hour <= 12:
            raise ValueError(f"{text!r} is not a time: with am/pm the hour goes from 1 to 12.")
        hour = hour % 12 + (12 if m.group(3) == "p" else 0)
    elif re.fullmatch(r"\d{1,2}", low):
        raise ValueError(f"{text!r} is ambiguous: write 09:00, 21:00, 9am or 9pm.")
    else:
        return None
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(
            f"{text!r} is not a time of day: hours go from 00 to 23 and minutes from 00 to 59."
        )
    return hour, minute


def parse_schedule(text: str, default_tz: str) -> ScheduleSpec | Off | Show:
    """Parse what follows ``/digest schedule``.

    ``default_tz`` is the requester's Slack time zone; an explicit zone at the end
    overrides it. An unknown ``default_tz`` falls back to UTC, which ``describe``
    then states plainly. Bad input raises ValueError with a message for the user.
    """
    words = text.strip().split()
    if not words:
        return Show()
    if len(words) == 1 and words[0].lower() in ("off", "stop", "none", "disable"):
        return Off()
    # "9 am" is one time written as two words.
    if len(words) >= 3 and words[2].lower().rstrip(".") in ("am", "pm", "a.m", "p.m"):
        words = [words[0], words[1] + words[2], *words[3:]]
    cadence = _CADENCES.get(words[0].lower())
    if cadence is None:
        if _parse_time(words[0]) is not None:
            raise ValueError(f"Say how often first: `daily {words[0]}` or `weekdays {words[0]}`.")
        raise ValueError(f"Unknown schedule {words[0]!r}: use daily or weekdays. {USAGE}")
    if len(words) < 2:
        raise ValueError(f"Give a time, e.g. `{cadence} 09:00`.")
    at = _parse_time(words[1])
    if at is None:
        raise ValueError(f"{words[1]!r} is not a time. {USAGE}")
    if len(words) > 3:
        raise ValueError(f"Too many words after the time: {' '.join(words[2:])!r}. {USAGE}")
    if len(words) == 3:
        tz = _zone_name(words[2])
    else:
        try:
            tz = _zone_name(default_tz) if default_tz else "UTC"
        except ValueError:
            tz = "UTC"
    return ScheduleSpec(cadence=cadence, hour=at[0], minute=at[1], tz=tz)
