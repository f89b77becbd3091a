"""Crash points for the resilience tests: with ``COMMITMENTS_FAILPOINT=<name>`` in its
environment, a process kills itself (SIGKILL, as the OOM killer or a lost node would) when it
reaches the point of that name. Without the variable, a failpoint does nothing."""
import os
import signal
import sys


def failpoint(name: str) -> None:
    if os.environ.get("COMMITMENTS_FAILPOINT") == name:
        print(f"failpoint {name}: killing process {os.getpid()}", file=sys.stderr, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
