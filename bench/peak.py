"""A process's own peak memory, and a way to run a benchmarked command so that it reports it.

Linux counts a child's address space before `exec` into its `ru_maxrss`: a command started
from a benchmark process holding a gigabyte of pages reports at least that gigabyte, whatever
the command itself uses. VmHWM in /proc/self/status belongs to the image after `exec` only.

    python -m bench.peak OUTFILE MODULE ARGS...     # runs `python -m MODULE ARGS...`, writes its peak MB
"""
from __future__ import annotations

import atexit
import resource
import runpy
import sys
from pathlib import Path


def own_peak_mb() -> float:
    """Peak resident memory of this process image in MB (VmHWM; ru_maxrss where /proc is absent)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    out_file, module = sys.argv[1], sys.argv[2]
    atexit.register(lambda: Path(out_file).write_text(f"{own_peak_mb():.1f}"))
    sys.argv = sys.argv[2:]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
