"""The hall sync agent: pushes the outbox, uploads scanned files, pulls the central feed (see ARCHITECTURE.md)."""
