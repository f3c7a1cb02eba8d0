"""Printed intake documents: the receipt slip (受理回执) and the one-time notice (一次性告知书).

What the receipt says and its ESC/POS form are Qt-free, in app/devices (receipt_text, receipt_escpos).
"""
