"""A pure computation run on the machine's other core while the import writes: a forked copy of
the process computes, sends its result back through a pipe and exits; it writes nothing.

Only where a fork is cheap and safe: Linux, a process with a single thread
(the command line; the window imports on a worker thread, where forking could leave the copy
waiting on a lock another thread held) and enough work to pay for it. Elsewhere, and whenever
the copy fails or dies, the same function runs here: the result is the same either way.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable


def can_fork() -> bool:
    """Linux, and this process has a single thread: Python's, and the system's too (a Qt
    thread running Python code is not always known to Python's ``threading``)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False  # macOS frameworks do not survive a fork; Windows has none
    try:
        threads = len(os.listdir("/proc/self/task"))
    except OSError:
        return False
    return threads == 1 and threading.active_count() == 1


class Forked[T]:
    """``compute()`` started now in a forked copy when ``in_copy``, its result taken later by
    :meth:`result` (computed here instead when there is no copy or the copy gave nothing)."""

    def __init__(self, compute: Callable[[], T], *, in_copy: bool):
        self._compute = compute
        self._pid = 0
        self._pipe = -1
        #: A copy was started (whether or not its result was used).
        self.started = False
        if in_copy:
            self._start()

    def _start(self) -> None:
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no memory or process left for a copy: compute here later
            os.close(read_end)
            os.close(write_end)
            return
        if pid == 0:  # the copy: compute, send, leave without running any clean-up of ours
            status = 1
            try:
                os.close(read_end)
                payload = pickle.dumps(self._compute(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(payload)
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        self._pid, self._pipe = pid, read_end
        self.started = True

    def result(self) -> T:
        if not self._pid:
            return self._compute()
        chunks = []
        with os.fdopen(self._pipe, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        if status != 0 or not chunks:
            return self._compute()  # the copy failed or was killed: the same work, here
        return pickle.loads(b"".join(chunks))

    def cancel(self) -> None:
        """The import stopped before taking the result: end the copy and wait for it."""
        if not self._pid:
            return
        import signal

        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(self._pipe)
        os.waitpid(self._pid, 0)
        self._pid = 0
