"""Unified intake (一窗受理) at the clerk's window."""
