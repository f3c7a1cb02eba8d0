"""Citizen screens. Each is built fresh when shown and deleted when left, so nothing outlives its use."""
