"""What a run says about itself while it runs: logs, metrics, progress and health.

In: events, counters and row counts from every stage. Out: JSON-lines and console logs
(:mod:`.logs`), a Prometheus textfile and JSON of the run's metrics (:mod:`.metrics`), a progress bar
on stderr (:mod:`.progress`), free disk and memory samples (:mod:`.health`).
"""
