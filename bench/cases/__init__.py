"""One module per area; each defines `run() -> list[Row]`."""
