"""Pure rules of the hall: no Qt, no database sessions, no I/O."""
