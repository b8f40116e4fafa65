"""Writing: only ever touching what was written, all at once, one run at a time."""
