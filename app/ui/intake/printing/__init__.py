"""Printed intake documents: the receipt slip (受理回执) and the one-time notice (一次性告知书)."""
