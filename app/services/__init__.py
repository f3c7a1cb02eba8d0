"""Use cases: each operation is one transaction over store + domain and returns frozen dataclasses."""
