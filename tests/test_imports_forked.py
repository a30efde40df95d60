"""The import's work on the other core: a forked copy computes, this process takes its result,
and computes it itself when the copy fails or dies; nothing is left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from monmaster_desktop.controllers.imports.forked import Forked

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform"),
    # pytest's own threads make it a multi-threaded process: the copies here compute only.
    pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning"),
]


def test_the_result_is_computed_in_the_copy() -> None:
    """The value comes from another process, whole (large enough to fill the pipe)."""
    here = os.getpid()
    work = Forked(lambda: (os.getpid(), list(range(300_000))), in_copy=True)
    assert work.started
    pid, values = work.result()
    assert pid != here
    assert values == list(range(300_000))


def test_a_copy_that_dies_is_replaced_by_the_same_work_here() -> None:
    """A copy killed before it answered: the result is computed in this process instead."""
    here = os.getpid()

    def compute() -> int:
        if os.getpid() != here:
            os.kill(os.getpid(), signal.SIGKILL)
        return os.getpid()

    work = Forked(compute, in_copy=True)
    assert work.started
    assert work.result() == here


def test_a_failing_computation_fails_here_too() -> None:
    """An error in the copy is not swallowed: the same work here raises it."""

    def compute() -> int:
        raise ValueError("règle cassée")

    with pytest.raises(ValueError, match="règle cassée"):
        Forked(compute, in_copy=True).result()


def test_cancel_ends_the_copy() -> None:
    """An import stopped before it takes the result leaves no process behind."""
    work = Forked(lambda: time.sleep(60), in_copy=True)
    pid = work._pid
    start = time.monotonic()
    work.cancel()
    assert time.monotonic() - start < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_without_a_copy_the_work_is_done_here() -> None:
    """``in_copy=False`` (the window's thread, a small import): no process is started."""
    work = Forked(os.getpid, in_copy=False)
    assert not work.started
    assert work.result() == os.getpid()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the copy is made on Linux only")
def test_a_single_threaded_process_may_fork() -> None:
    """The command line (one thread) computes in a copy."""
    done = subprocess.run(
        [sys.executable, "-c", f"{CAN_FORK}; print(can_fork())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "True"


def test_a_thread_unknown_to_python_prevents_the_copy() -> None:
    """A thread started outside ``threading`` (as Qt's are) is seen all the same: no copy."""
    script = (
        f"{CAN_FORK}; import _thread, threading, time; release = threading.Event(); "
        "_thread.start_new_thread(release.wait, ()); time.sleep(0.2); "
        "print(threading.active_count(), can_fork()); release.set()"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["1", "False"]


CAN_FORK = "from monmaster_desktop.controllers.imports.forked import can_fork"
