"""Builds the template workbook (.xlsm) from readable sources."""
