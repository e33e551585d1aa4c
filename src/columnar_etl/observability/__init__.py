"""What a run says about itself while it runs: logs, metrics, progress and health (:mod:`.logs`)."""
