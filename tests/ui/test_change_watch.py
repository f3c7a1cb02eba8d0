"""Screens sharing one runner each get their own polls answered."""

from app.ui.change_watch import ChangeWatcher
from app.ui.runner import ServiceRunner


def test_each_screen_sees_changes_even_when_the_runner_is_busy(qtbot, qapp):
    runner = ServiceRunner()  # the real worker thread, as in the demo
    value = [1]
    staff, display = ChangeWatcher(runner, lambda: value[0]), ChangeWatcher(runner, lambda: value[0])
    seen: list[str] = []
    for _ in range(3):  # both poll on the same tick, as their timers do
        staff.poll(lambda: seen.append("staff"))
        display.poll(lambda: seen.append("display"))
        staff.poll(lambda: seen.append("staff-again"))  # still in flight: skipped, not queued
    qtbot.waitUntil(lambda: sorted(seen) == ["display", "staff"], timeout=5000)
    value[0] = 2
    staff.poll(lambda: seen.append("staff"))
    display.poll(lambda: seen.append("display"))
    qtbot.waitUntil(lambda: seen.count("staff") == 2 and seen.count("display") == 2, timeout=5000)
    runner.wait_idle()


def test_a_failed_poll_is_retried(qapp):
    runner = ServiceRunner(synchronous=True)
    calls = [0]

    def flaky() -> int:
        calls[0] += 1
        if calls[0] == 1:
            raise OSError("database is locked")
        return 7

    seen: list[int] = []
    watcher = ChangeWatcher(runner, flaky)
    watcher.poll(lambda: seen.append(1))
    watcher.poll(lambda: seen.append(1))
    assert seen == [1] and watcher.seen == 7
