"""A count set as a goal or a limit is no rival to a source's count of what happened.
Made-up stories only."""

from __future__ import annotations

from bot.facts import find_conflicts

GOAL = (
    "Last month, the ministry announced it had reached its goal of accepting 8,000 refugees "
    "from Norland.",
    "The Harbour Post reported Monday that the country had accepted 9,214 Norlandic refugees.",
)


def test_a_goal_is_no_conflicting_count() -> None:
    assert find_conflicts(GOAL, []) == []
    # Two sources counting what happened still conflict.
    counted = (
        "Last month, the ministry said the country had accepted 8,000 refugees from Norland.",
        GOAL[1],
    )
    conflicts = find_conflicts(counted, [])
    assert [c.subject for c in conflicts] == ["displaced"]
    assert [c.figure for c in conflicts[0].claims] == ["8,000", "9,214"]


def test_a_plan_or_a_cap_is_no_conflicting_count() -> None:
    body = (
        "The defence ministry plans to send 3,000 troops to the border next year.",
        "Officials said about 1,200 troops had arrived at the border by Friday, according to "
        "the regional governor.",
        "Parliament set a cap of 5,000 troops on the mission, the speaker said.",
    )
    assert find_conflicts(body, []) == []
