"""Start an IPython kernel (``python -m analysis.run.kernel_launcher -f FILE``) without two log lines.

- "Kernel is running over TCP without encryption": the kernel listens on 127.0.0.1 only and every
  message is signed with the connection file's HMAC key; the warning is about eavesdropping on the
  loopback interface, which says nothing to a reader of a notebook run.
- "KeyboardInterrupt caught in kernel": jupyter_client interrupts the kernel before every shutdown
  (``KernelManager.shutdown_kernel``), so the line appears after a run that went well.

Everything else ipykernel logs is kept; this is ``ipykernel_launcher`` with a logging filter.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

NOISE = ("Kernel is running over TCP without encryption", "KeyboardInterrupt caught in kernel")


class QuietKernelLog(logging.Filter):
    """Drop the records that start with one of :data:`NOISE`."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(NOISE)


def main() -> None:
    """Install the filter on the kernel application's logger, then launch ipykernel."""
    from ipykernel.kernelapp import IPKernelApp

    logging.getLogger(IPKernelApp.__name__).addFilter(QuietKernelLog())
    IPKernelApp.launch_instance()


if __name__ == "__main__":
    if sys.path and Path(sys.path[0] or ".").resolve() == Path.cwd():
        del sys.path[0]  # as ipykernel_launcher: the notebook's folder is added back by the shell
    main()
