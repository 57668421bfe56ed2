"""bot.schedule: watch cadence, failure back-off, and channel digest schedules (fixed clocks)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from bot.schedule import (
    FAILURE_CAP,
    MAX_FAILURES,
    Off,
    ScheduleSpec,
    Show,
    failure_delay,
    next_check_delay,
    parse_schedule,
    should_give_up,
)

T0 = datetime(2025, 3, 4, 8, 0, tzinfo=UTC)
M, H, D = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)

# ------------------------------------------------------------------- watch cadence


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (0 * M, 15 * M),
        (2 * H + 59 * M, 15 * M),
        (3 * H, 1 * H),
        (23 * H, 1 * H),
        (1 * D, 3 * H),
        (6 * D + 20 * H, 3 * H),
        (7 * D - 1 * H, 1 * H),  # the last look lands on the horizon
        (7 * D, None),
        (30 * D, None),
    ],
)
def test_check_rate_follows_story_age(age: timedelta, expected: timedelta | None) -> None:
    assert next_check_delay(T0 + age, None, T0) == expected


def test_a_material_change_resets_to_the_fresh_rate() -> None:
    now = T0 + 5 * D
    assert next_check_delay(now, None, T0) == 3 * H
    assert next_check_delay(now, now - 10 * M, T0) == 15 * M
    assert next_check_delay(now, now - 5 * H, T0) == 1 * H
    # The horizon counts from the last change too: a story still changing is still watched.
    assert next_check_delay(T0 + 8 * D, T0 + 6 * D, T0) == 3 * H


def test_horizon_is_a_setting() -> None:
    assert next_check_delay(T0 + 2 * D, None, T0, horizon=2 * D) is None
    assert next_check_delay(T0 + 2 * H, None, T0, horizon=2 * D) == 15 * M
    assert next_check_delay(T0 + 2 * D, None, T0, horizon=14 * D) == 3 * H


def test_clock_behind_first_seen_counts_as_fresh() -> None:
    assert next_check_delay(T0 - 5 * M, None, T0) == 15 * M


def test_failure_backoff_is_exponential_and_capped() -> None:
    delays = [failure_delay(n) for n in range(0, 12)]
    assert delays[0] == timedelta(0)
    assert delays[1:5] == [5 * M, 10 * M, 20 * M, 40 * M]
    assert all(a <= b for a, b in itertools.pairwise(delays))
    assert delays[-1] == FAILURE_CAP
    assert failure_delay(10_000) == FAILURE_CAP


def test_give_up_rule() -> None:
    assert not should_give_up(MAX_FAILURES - 1)
    assert should_give_up(MAX_FAILURES)
    assert not should_give_up(2, status=404)
    assert should_give_up(3, status=410)
    assert not should_give_up(3, status=503)


# --------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("text", "cadence", "hour", "minute", "tz"),
    [
        ("weekdays 09:00", "weekdays", 9, 0, "America/New_York"),
        ("daily 17:30", "daily", 17, 30, "America/New_York"),
        ("weekdays 9am", "weekdays", 9, 0, "America/New_York"),
        ("Weekdays 9:15 PM", "weekdays", 21, 15, "America/New_York"),
        ("daily 12am", "daily", 0, 0, "America/New_York"),
        ("daily 12pm", "daily", 12, 0, "America/New_York"),
        ("daily 17:30 Europe/London", "daily", 17, 30, "Europe/London"),
        ("daily 7:05 europe/london", "daily", 7, 5, "Europe/London"),
        ("  weekdays   08:45  UTC ", "weekdays", 8, 45, "UTC"),
    ],
)
def test_parse_schedule(text: str, cadence: str, hour: int, minute: int, tz: str) -> None:
    spec = parse_schedule(text, "America/New_York")
    assert spec == ScheduleSpec(cadence, hour, minute, tz)  # type: ignore[arg-type]


def test_off_and_show() -> None:
    assert parse_schedule("off", "UTC") == Off()
    assert parse_schedule("OFF", "UTC") == Off()
    assert parse_schedule("", "UTC") == Show()
    assert parse_schedule("   ", "UTC") == Show()


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("daily 25:00", "not a time of day"),
        ("daily 09:60", "not a time of day"),
        ("daily 13pm", "1 to 12"),
        ("fortnightly 09:00", "Unknown schedule 'fortnightly'"),
        ("daily 09:00 Mars/Olympus", "Unknown time zone 'Mars/Olympus'"),
        ("daily", "Give a time"),
        ("daily soon", "'soon' is not a time"),
        ("daily 9", "ambiguous"),
        ("09:00 daily", "Say how often first"),
        ("daily 09:00 Europe/London please", "Too many words"),
    ],
)
def test_bad_schedules_say_why(text: str, needle: str) -> None:
    with pytest.raises(ValueError, match=needle):
        parse_schedule(text, "UTC")


def test_unknown_requester_zone_falls_back_to_utc() -> None:
    spec = parse_schedule("daily 09:00", "Not/AZone")
    assert isinstance(spec, ScheduleSpec) and spec.tz == "UTC"


def test_describe_and_round_trip() -> None:
    spec = parse_schedule("weekdays 9am", "Europe/London")
    assert isinstance(spec, ScheduleSpec)
    assert spec.describe() == "weekdays at 09:00 Europe/London"
    assert parse_schedule(spec.to_text(), "UTC") == spec


# ------------------------------------------------------------------- next runs


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def runs(spec: ScheduleSpec, after: datetime, n: int) -> list[datetime]:
    out = []
    for _ in range(n):
        after = spec.next_run(after)
        out.append(after)
    return out


def test_weekdays_skip_the_weekend() -> None:
    spec = ScheduleSpec("weekdays", 9, 0, "UTC")
    # Thursday 2025-03-06 10:00 -> Fri 09:00, then Mon, Tue.
    assert runs(spec, utc(2025, 3, 6, 10, 0), 3) == [
        utc(2025, 3, 7, 9, 0),
        utc(2025, 3, 10, 9, 0),
        utc(2025, 3, 11, 9, 0),
    ]


def test_next_run_is_strictly_after() -> None:
    spec = ScheduleSpec("daily", 9, 0, "UTC")
    assert spec.next_run(utc(2025, 3, 6, 9, 0)) == utc(2025, 3, 7, 9, 0)
    assert spec.next_run(utc(2025, 3, 6, 8, 59, 59)) == utc(2025, 3, 6, 9, 0)


def test_next_run_needs_an_aware_time() -> None:
    with pytest.raises(ValueError, match="aware"):
        ScheduleSpec("daily", 9, 0, "UTC").next_run(datetime(2025, 3, 6, 9, 0))


def test_london_spring_forward_week_keeps_wall_clock_time() -> None:
    # Clocks go forward at 01:00 UTC on Sunday 30 March 2025: 09:00 GMT becomes 09:00 BST.
    spec = ScheduleSpec("daily", 9, 0, "Europe/London")
    assert runs(spec, utc(2025, 3, 28, 12, 0), 4) == [
        utc(2025, 3, 29, 9, 0),
        utc(2025, 3, 30, 8, 0),
        utc(2025, 3, 31, 8, 0),
        utc(2025, 4, 1, 8, 0),
    ]


def test_london_weekdays_over_autumn_change() -> None:
    # Clocks go back on Sunday 26 October 2025.
    spec = ScheduleSpec("weekdays", 9, 0, "Europe/London")
    assert runs(spec, utc(2025, 10, 23, 12, 0), 3) == [
        utc(2025, 10, 24, 8, 0),  # Friday, BST
        utc(2025, 10, 27, 9, 0),  # Monday, GMT
        utc(2025, 10, 28, 9, 0),
    ]


def test_new_york_dst_weeks() -> None:
    spec = ScheduleSpec("weekdays", 17, 30, "America/New_York")
    # DST starts Sunday 9 March 2025: EST (-5) -> EDT (-4).
    assert runs(spec, utc(2025, 3, 7, 12, 0), 2) == [
        utc(2025, 3, 7, 22, 30),
        utc(2025, 3, 10, 21, 30),
    ]
    # DST ends Sunday 2 November 2025.
    assert runs(spec, utc(2025, 10, 31, 12, 0), 2) == [
        utc(2025, 10, 31, 21, 30),
        utc(2025, 11, 3, 22, 30),
    ]


def test_a_time_in_the_skipped_hour_runs_after_the_gap() -> None:
    spec = ScheduleSpec("daily", 1, 30, "Europe/London")  # 01:30 does not exist on 30 March
    assert spec.next_run(utc(2025, 3, 29, 12, 0)) == utc(2025, 3, 30, 1, 30)  # 02:30 BST


def test_a_time_in_the_repeated_hour_runs_once() -> None:
    spec = ScheduleSpec("daily", 1, 30, "America/New_York")  # 01:30 happens twice on 2 Nov
    assert runs(spec, utc(2025, 11, 1, 12, 0), 2) == [
        utc(2025, 11, 2, 5, 30),  # 01:30 EDT, the first occurrence
        utc(2025, 11, 3, 6, 30),  # next day, 01:30 EST; no second run at 06:30 on the 2nd
    ]
